package org.quizcard.srs;

import java.time.Instant;

/** ts-fsrs's interval fuzz: the draw for one review, and the range a fuzzed interval comes from. */
final class Fuzz {
    private Fuzz() {
    }

    /**
     * The fuzz draw for one review: the first Alea number for ts-fsrs's default seed
     * "{review epoch millis}_{reps after this review}_{difficulty * stability before it}".
     */
    static double factor(Card card, Instant now) {
        return Alea.firstNumber(now.toEpochMilli(), card.reps() + 1, card.difficulty() * card.stability());
    }

    /** {@code interval} fuzzed by the draw {@code factor} within its range. */
    static int interval(int interval, long elapsedDays, double factor, int maximumInterval) {
        Range range = range(interval, elapsedDays, maximumInterval);
        return (int) Math.floor(factor * (range.max() - range.min() + 1) + range.min());
    }

    /** The inclusive range a fuzzed interval is drawn from (ts-fsrs's get_fuzz_range). */
    record Range(int min, int max) {
    }

    /** ts-fsrs's fuzz range: +-15% of the part of the interval in 2.5..7 days, 10% in 7..20, 5% beyond, plus 1 day. */
    static Range range(int interval, long elapsedDays, int maximumInterval) {
        double delta = 1.0;
        delta += 0.15 * Math.max(Math.min(interval, 7.0) - 2.5, 0.0);
        delta += 0.1 * Math.max(Math.min(interval, 20.0) - 7.0, 0.0);
        delta += 0.05 * Math.max(interval - 20.0, 0.0);
        int ivl = Math.min(interval, maximumInterval);
        long min = Math.max(2, Math.round(ivl - delta));
        long max = Math.min(Math.round(ivl + delta), maximumInterval);
        if (ivl > elapsedDays) {
            min = Math.max(min, elapsedDays + 1);
        }
        min = Math.min(min, max);
        return new Range((int) min, (int) max);
    }
}
