package org.quizcard.srs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * JavaScript's Number-to-String conversion (ECMAScript Number::toString, radix 10): the shortest decimal that
 * reads back as the same double (the closest one if there are several), in JavaScript's plain or exponent layout.
 * ts-fsrs puts such strings into its fuzz seed, so matching them lets fuzzed intervals agree with ts-fsrs.
 */
final class JsNumbers {

    private static final long[] POW10 = LongStream.iterate(1, p -> p * 10).limit(19).toArray();
    private static final double[] POW10_DOUBLE =
            IntStream.range(0, 23).mapToDouble(i -> Double.parseDouble("1e" + i)).toArray();
    private static final long TWO_POW_53 = 1L << 53;
    private static final int SCALE_BITS = 5;
    private static final long SCALE_MASK = (1 << SCALE_BITS) - 1;

    private JsNumbers() {
    }

    /** The string JavaScript's {@code String(x)} gives for {@code x}. */
    static String toJsString(double x) {
        return toJsString(x, true);
    }

    /** The same conversion done with {@link BigDecimal} throughout: slower, the fast path's reference. */
    static String toJsStringExact(double x) {
        return toJsString(x, false);
    }

    /** With {@code fast}, the digits come from 128-bit integer arithmetic wherever it can decide them. */
    private static String toJsString(double x, boolean fast) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (x == 0) {
            return "0";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Infinity" : "-Infinity";
        }
        if (Math.abs(x) < TWO_POW_53 && x == Math.rint(x)) {
            return Long.toString((long) x);
        }
        if (x < 0) {
            return "-" + toJsString(-x, fast);
        }
        if (fast && x >= 1e-3 && x < 1e15) {
            long shortest = fastShortest(x);
            if (shortest >= 0) {
                return layout(shortest >>> SCALE_BITS, (int) (shortest & SCALE_MASK));
            }
        }
        BigDecimal exact = new BigDecimal(x);
        // Double.toString round-trips but is not always the shortest on Java 17: start there and shorten.
        int k = significantDigits(Double.toString(x));
        while (k > 1 && roundTrips(exact, k - 1, x)) {
            k--;
        }
        while (k < 17 && !roundTrips(exact, k, x)) {
            k++;
        }
        BigDecimal shortest = exact.round(new MathContext(k, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        return layout(shortest.unscaledValue().longValueExact(), shortest.scale());
    }

    /**
     * Exact shortest digits for a non-integer {@code x} in [0.001, 1e15) using 128-bit integer arithmetic, or
     * -1 when a needed power of ten does not fit in a long. The digits d and scale k of x = d * 10^-k come packed
     * as {@code d << SCALE_BITS | k}: d has at most 17 digits, below 2^57, and k is below 32.
     */
    private static long fastShortest(double x) {
        long bits = Double.doubleToRawLongBits(x);
        long mantissa = (bits & 0x000F_FFFF_FFFF_FFFFL) | (1L << 52);
        int shift = 1075 - (int) (bits >>> 52); // x = mantissa / 2^shift; x >= 0.001 keeps shift <= 62
        if (shift <= 0 || shift > 62) {
            return -1;
        }
        int e = (int) Math.floor(Math.log10(x)); // 10^e <= x < 10^(e+1), corrected exactly below
        while (!atLeastPow10(mantissa, shift, x, e)) {
            e--;
        }
        while (e < 14 && atLeastPow10(mantissa, shift, x, e + 1)) {
            e++;
        }
        int digits = 15;
        long best = roundTripping(mantissa, shift, x, digits - 1 - e);
        if (best >= 0) {
            while (digits > 1) {
                long shorter = roundTripping(mantissa, shift, x, digits - 2 - e);
                if (shorter < 0) {
                    break;
                }
                best = shorter;
                digits--;
            }
        } else {
            digits = 16;
            best = roundTripping(mantissa, shift, x, digits - 1 - e);
            if (best < 0) {
                digits = 17;
                int scale = digits - 1 - e;
                if (scale >= POW10.length) {
                    return -1;
                }
                best = scaledRound(mantissa, shift, scale); // the closest 17 digits always read back
            }
        }
        int scale = digits - 1 - e;
        while (best % 10 == 0 && scale > 0) {
            best /= 10;
            scale--;
        }
        return best << SCALE_BITS | scale;
    }

    /** Whether x >= 10^e, decided exactly; e is in [-3, 14]. */
    private static boolean atLeastPow10(long mantissa, int shift, double x, int e) {
        if (e >= 0) {
            return x >= POW10_DOUBLE[e];
        }
        return mantissa * POW10[-e] >= (1L << shift); // mantissa < 2^53, 10^3 < 2^10: no overflow
    }

    /**
     * The integer m nearest to x * 10^scale if m / 10^scale reads back as x (or a neighbour of m that does),
     * else -1; scale must be in [0, 18].
     */
    private static long roundTripping(long mantissa, int shift, double x, int scale) {
        if (scale < 0 || scale >= POW10.length) {
            return -1;
        }
        long m = scaledRound(mantissa, shift, scale);
        if (readsBack(m, scale, x)) {
            return m;
        }
        if (m > 0 && readsBack(m - 1, scale, x)) {
            return m - 1;
        }
        return readsBack(m + 1, scale, x) ? m + 1 : -1;
    }

    /** Whether m * 10^-scale converts to exactly x. */
    private static boolean readsBack(long m, int scale, double x) {
        if (m < TWO_POW_53) {
            return m / POW10_DOUBLE[scale] == x; // both operands exact: one correctly rounded division
        }
        return Double.parseDouble(m + "E-" + scale) == x;
    }

    /** round-half-even(mantissa * 10^scale / 2^shift) for 0 <= scale <= 18 and 1 <= shift <= 62. */
    private static long scaledRound(long mantissa, int shift, int scale) {
        long factor = POW10[scale];
        long hi = Math.multiplyHigh(mantissa, factor); // both < 2^63: the signed high word is the unsigned one
        long lo = mantissa * factor;
        long quotient = (hi << (64 - shift)) | (lo >>> shift);
        long remainder = lo & ((1L << shift) - 1);
        long half = 1L << (shift - 1);
        if (remainder > half || (remainder == half && (quotient & 1) == 1)) {
            quotient++;
        }
        return quotient;
    }

    /**
     * {@code digits * 10^-scale} (digits not negative, with no trailing zero unless it is 0) as ECMAScript
     * Number::toString lays out the digits d1..dk of 0.d1..dk * 10^n.
     */
    private static String layout(long digits, int scale) {
        String d = Long.toString(digits);
        int k = d.length();
        int n = k - scale;
        if (k <= n && n <= 21) {
            return d + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return d.substring(0, n) + "." + d.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + d;
        }
        String exponent = (n - 1 >= 0 ? "e+" : "e-") + Math.abs(n - 1);
        return k == 1 ? d + exponent : d.charAt(0) + "." + d.substring(1) + exponent;
    }

    private static boolean roundTrips(BigDecimal exact, int digits, double x) {
        return exact.round(new MathContext(digits, RoundingMode.HALF_EVEN)).doubleValue() == x;
    }

    /** Number of significant digits in a Java double literal such as {@code 1.2345E-5}. */
    private static int significantDigits(String javaDouble) {
        int end = javaDouble.indexOf('E');
        String mantissa = (end < 0 ? javaDouble : javaDouble.substring(0, end)).replace(".", "");
        int first = 0;
        while (first < mantissa.length() - 1 && mantissa.charAt(first) == '0') {
            first++;
        }
        int last = mantissa.length();
        while (last > first + 1 && mantissa.charAt(last - 1) == '0') {
            last--;
        }
        return last - first;
    }
}
