package org.quizcard.srs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * JavaScript's Number-to-String conversion (ECMAScript Number::toString, radix 10): the shortest decimal that
 * reads back as the same double, in JavaScript's plain or exponent layout. ts-fsrs puts such strings into its
 * fuzz seed, so matching them lets fuzzed intervals agree with ts-fsrs.
 */
final class JsNumbers {

    private JsNumbers() {
    }

    /** The string JavaScript's {@code String(x)} gives for {@code x}. */
    static String toJsString(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (x == 0) {
            return "0";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Infinity" : "-Infinity";
        }
        if (x < 0) {
            return "-" + toJsString(-x);
        }
        if (x < 9.007199254740992E15 && x == Math.rint(x)) {
            return Long.toString((long) x);
        }
        BigDecimal shortest = shortestRoundTrip(x);
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // x = 0.digits * 10^n
        StringBuilder out = new StringBuilder(k + 8);
        if (k <= n && n <= 21) {
            out.append(digits);
            out.append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(n - 1 >= 0 ? "+" : "-").append(Math.abs(n - 1));
        }
        return out.toString();
    }

    /**
     * The decimal with the fewest significant digits that converts back to {@code x}; among those, the one closest
     * to {@code x}. Trailing zeros are stripped.
     */
    private static BigDecimal shortestRoundTrip(double x) {
        BigDecimal exact = new BigDecimal(x);
        // Double.toString round-trips but is not always the shortest on Java 17: start there and shorten.
        int k = significantDigits(Double.toString(x));
        while (k > 1 && roundTrips(exact, k - 1, x)) {
            k--;
        }
        while (k < 17 && !roundTrips(exact, k, x)) {
            k++;
        }
        return exact.round(new MathContext(k, RoundingMode.HALF_EVEN)).stripTrailingZeros();
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
