package org.quizcard.srs;

/**
 * Decimal digits of non-negative integers written straight into a {@code char[]}: the replay writes a dozen numbers
 * per review and the fuzz seed three more. Division by ten is a multiplication and a shift here, which the client
 * compiler (the launcher's choice for short runs) would otherwise emit as a hardware division for every digit.
 */
final class Decimal {

    private static final long[] POW10 = new long[19];
    private static final long EIGHT_DIGITS = 100_000_000L;

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private Decimal() {
    }

    /** {@code value / 10} for {@code value} from 0 to {@link Integer#MAX_VALUE}. */
    static int div10(int value) {
        return (int) ((value * 0xCCCC_CCCDL) >>> 35);
    }

    /** How many decimal digits {@code value} (not negative) has; 1 for 0. */
    static int length(long value) {
        int n = 1;
        while (n < POW10.length && value >= POW10[n]) {
            n++;
        }
        return n;
    }

    /**
     * Writes the last {@code to - from} decimal digits of {@code value} (not negative) into {@code out[from, to)},
     * with leading zeros.
     */
    static void write(long value, char[] out, int from, int to) {
        int i = to;
        long rest = value;
        while (rest > Integer.MAX_VALUE && i > from) {
            long high = rest / EIGHT_DIGITS;
            int low = (int) (rest - high * EIGHT_DIGITS);
            for (int stop = Math.max(from, i - 8); i > stop; ) {
                int quotient = div10(low);
                out[--i] = (char) ('0' + (low - 10 * quotient));
                low = quotient;
            }
            rest = high;
        }
        int v = (int) rest;
        while (i > from) {
            int quotient = div10(v);
            out[--i] = (char) ('0' + (v - 10 * quotient));
            v = quotient;
        }
    }

    /** Writes all digits of {@code value} (not negative) into {@code out} from {@code at}; returns where they end. */
    static int write(long value, char[] out, int at) {
        int end = at + length(value);
        write(value, out, at, end);
        return end;
    }
}
