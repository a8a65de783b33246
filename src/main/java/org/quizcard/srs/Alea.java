package org.quizcard.srs;

/**
 * Baagøe's Alea pseudo-random generator with its Mash string hash, bit-for-bit as ts-fsrs uses it for fuzz,
 * so that a seed string yields the same numbers as in ts-fsrs. Instances are mutable and meant for local use.
 */
final class Alea {

    private static final double TWO_POW_MINUS_32 = 2.3283064365386963e-10;
    private static final double TWO_POW_32 = 4294967296.0;

    private double c;
    private double s0;
    private double s1;
    private double s2;

    /** Seeds the generator with the UTF-16 code units of {@code seed}. */
    Alea(String seed) {
        Mash mash = new Mash();
        c = 1;
        s0 = mash.hash(" ");
        s1 = mash.hash(" ");
        s2 = mash.hash(" ");
        s0 -= mash.hash(seed);
        if (s0 < 0) {
            s0 += 1;
        }
        s1 -= mash.hash(seed);
        if (s1 < 0) {
            s1 += 1;
        }
        s2 -= mash.hash(seed);
        if (s2 < 0) {
            s2 += 1;
        }
    }

    /**
     * The first number of a generator seeded with {@code seed}; equal to {@code new Alea(seed).next()} but hashes
     * the seed once instead of three times (the first number depends only on the first hash).
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
        double t = 2091639 * s0 + TWO_POW_MINUS_32;
        return t - (int) t;
    }

    /**
     * {@code firstNumber(millis + "_" + reps + "_" + String(number))}, with {@code String(number)} as JavaScript
     * writes it, without building a string: the seed's characters go into a small array hashed in one loop. Fuzz
     * draws one per review, so this is the replay's hottest path.
     */
    static double firstNumber(long millis, int reps, double number) {
        if (millis < 0 || reps < 0) {
            return firstNumber(millis + "_" + reps + "_" + JsNumbers.toJsString(number));
        }
        char[] seed = new char[SEED_LENGTH];
        double state;
        int end;
        if (millis >= PREFIX_UNIT) {
            state = prefixState(millis / PREFIX_UNIT);
            end = PREFIX_DIGITS;
            Decimal.write(millis, seed, 0, end);
        } else {
            state = SPACES_STATE;
            end = Decimal.write(millis, seed, 0);
        }
        seed[end++] = '_';
        end = Decimal.write(reps, seed, end);
        seed[end++] = '_';
        end = JsNumbers.write(number, seed, end);
        double s0 = SPACES_FIRST - Mash.result(Mash.mix(state, seed, end));
        if (s0 < 0) {
            s0 += 1;
        }
        double t = 2091639 * s0 + TWO_POW_MINUS_32;
        return t - (int) t;
    }

    /** Room for a seed: 19 digits, "_", 10 digits, "_" and a number. */
    private static final int SEED_LENGTH = 19 + 1 + 10 + 1 + JsNumbers.MAX_LENGTH;

    /**
     * Seeds start with the review time's epoch milliseconds, whose leading digits change once a day or so: the
     * Mash state after all but the last {@link #PREFIX_DIGITS} of them is kept, by those leading digits, in a
     * table that a replay's times, even spread over a decade, mostly fit. The state is the same computed again,
     * so threads may share the table without locks: each entry is immutable, and a lost write is only a miss.
     */
    private static final int PREFIX_DIGITS = 8;
    private static final long PREFIX_UNIT = 100_000_000L;
    private static final Prefix[] PREFIXES = new Prefix[1 << 12];

    private record Prefix(long digits, double state) {
    }

    /** The Mash state after " " three times and the digits of {@code prefix}. */
    private static double prefixState(long prefix) {
        int index = (int) (prefix & (PREFIXES.length - 1));
        Prefix cached = PREFIXES[index];
        if (cached != null && cached.digits == prefix) {
            return cached.state;
        }
        char[] digits = new char[19];
        double state = Mash.mix(SPACES_STATE, digits, Decimal.write(prefix, digits, 0));
        PREFIXES[index] = new Prefix(prefix, state);
        return state;
    }

    /** The Mash state after hashing " " three times, and the first of those hashes: the same for every seed. */
    private static final double SPACES_STATE;
    private static final double SPACES_FIRST;

    static {
        Mash mash = new Mash();
        SPACES_FIRST = mash.hash(" ");
        mash.hash(" ");
        mash.hash(" ");
        SPACES_STATE = mash.n;
    }

    /** The next number, uniform in [0, 1). */
    double next() {
        double t = 2091639 * s0 + c * TWO_POW_MINUS_32;
        s0 = s1;
        s1 = s2;
        c = (int) t; // t is in [0, 2^31): JavaScript's t | 0
        s2 = t - c;
        return s2;
    }

    /** JavaScript's ToUint32 for a non-negative finite number below 2^63. */
    private static double toUint32(double x) {
        return (double) (((long) x) & 0xFFFF_FFFFL);
    }

    /** The Mash hash; its running state carries over between calls, as in the original. */
    private static final class Mash {
        private double n = 0xefc8249dL;

        double hash(String data) {
            n = mix(n, data.toCharArray(), data.length());
            return result(n);
        }

        /**
         * The state after hashing the UTF-16 code units {@code data[0, length)} from state {@code n}, in one loop
         * so that the state stays in a register. The state stays in [0, 2^33) and each h below 2^28, so
         * JavaScript's {@code h >>> 0} is a truncation here.
         */
        static double mix(double n, char[] data, int length) {
            double state = n;
            for (int i = 0; i < length; i++) {
                state += data[i];
                double h = 0.02519603282416938 * state;
                state = (long) h;
                h -= state;
                h *= state;
                state = (long) h;
                h -= state;
                state += h * TWO_POW_32;
            }
            return state;
        }

        /** The hash value of a state. */
        static double result(double n) {
            return toUint32(n) * TWO_POW_MINUS_32;
        }
    }
}
