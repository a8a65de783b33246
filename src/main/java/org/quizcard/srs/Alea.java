package org.quizcard.srs;

/**
 * The first number of Baagøe's Alea pseudo-random generator with its Mash string hash, bit-for-bit as ts-fsrs
 * draws it for fuzz, so that a seed string yields the same draw as in ts-fsrs.
 */
final class Alea {

    private static final double TWO_POW_MINUS_32 = 2.3283064365386963e-10;
    private static final double TWO_POW_32 = 4294967296.0;

    private Alea() {
    }

    /**
     * The first number of a generator seeded with the UTF-16 code units of {@code seed}. Alea's three state words
     * start from three hashes of the seed, and the first number depends only on the first word, so the seed is
     * hashed once.
     */
    static double firstNumber(String seed) {
        Mash mash = new Mash();
        double s0 = mash.hash(" ");
        mash.hash(" ");
        mash.hash(" ");
        s0 -= mash.hash(seed);
        if (s0 < 0) {
            s0 += 1;
        }
        double t = 2091639 * s0 + TWO_POW_MINUS_32; // the carry starts at 1
        return t - (int) t;
    }

    /**
     * The first number for ts-fsrs's fuzz seed {@code millis + "_" + reps + "_" + String(number)}, with
     * {@code String(number)} as JavaScript writes it.
     */
    static double firstNumber(long millis, int reps, double number) {
        return firstNumber(millis + "_" + reps + "_" + JsNumbers.toJsString(number));
    }

    /** JavaScript's ToUint32 for a non-negative finite number below 2^63. */
    private static double toUint32(double x) {
        return (double) (((long) x) & 0xFFFF_FFFFL);
    }

    /** The Mash hash; its running state carries over between calls, as in the original. */
    private static final class Mash {
        private double n = 0xefc8249dL;

        /**
         * Hashes the UTF-16 code units of {@code data}. The state stays in [0, 2^33) and each h below 2^28, so
         * JavaScript's {@code h >>> 0} is a truncation here.
         */
        double hash(String data) {
            double state = n;
            for (int i = 0; i < data.length(); i++) {
                state += data.charAt(i);
                double h = 0.02519603282416938 * state;
                state = (long) h;
                h -= state;
                h *= state;
                state = (long) h;
                h -= state;
                state += h * TWO_POW_32;
            }
            n = state;
            return toUint32(n) * TWO_POW_MINUS_32;
        }
    }
}
