package org.quizcard.srs;

import java.time.Instant;
import java.time.zone.ZoneRules;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The FSRS-6 spaced-repetition scheduler: an immutable, thread-safe set of pure functions from a card, a review
 * time and a rating to the next card, following ts-fsrs 5 (its basic scheduler with short-term learning steps).
 *
 * <p>Elapsed time is counted in study days: a study day starts at {@link SchedulerConfig#dayStartHour()} in
 * {@link SchedulerConfig#zone()}, and the elapsed days between two instants are the study-day starts crossed.
 * With zone UTC and day start 0 this is ts-fsrs's count of UTC calendar days. Due times are the review time
 * plus whole 24-hour days (or the step's minutes), as in ts-fsrs.
 *
 * <p>Like ts-fsrs, the scheduler lowers the ceiling of w17 and w18 when there is more than one relearning step,
 * so that relearning cannot raise stability above what was lost. Transcendental functions use
 * {@link StrictMath}, so results (and fuzz) are identical on every platform.
 */
public final class Fsrs {

    /** Smallest stability the model produces, in days. */
    static final double S_MIN = 0.001;
    /** Largest stability the model produces, in days. */
    static final double S_MAX = 36500.0;

    private static final long SECONDS_PER_DAY = 86_400L;
    private static final long MINUTES_PER_DAY = 1_440L;
    private static final double W17_W18_CEILING = 2.0;

    private final SchedulerConfig config;
    private final double[] w;
    private final double decay;
    private final double factor;
    private final double intervalModifier;
    private final double initDifficultyEasy;
    private final double expW8;
    private final double expW17W18;
    private final double[] shortTermGradeFactor;
    private final int maximumInterval;
    private final boolean enableFuzz;
    private final ZoneRules zoneRules;
    private final boolean fixedOffset;
    private final int fixedOffsetSeconds;
    private final long dayStartSeconds;
    private final LearningSteps learningSteps;
    private final LearningSteps relearningSteps;

    /** Builds a scheduler for a (validated) configuration. */
    public Fsrs(SchedulerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.w = effectiveWeights(config);
        this.decay = -w[20];
        this.factor = roundTo(StrictMath.exp(StrictMath.pow(decay, -1) * StrictMath.log(0.9)) - 1.0);
        this.intervalModifier = roundTo(
                (StrictMath.pow(config.desiredRetention(), 1 / decay) - 1) / factor);
        this.initDifficultyEasy = initDifficulty(Rating.EASY.value());
        this.expW8 = StrictMath.exp(w[8]);
        this.expW17W18 = StrictMath.exp(w[17] * w[18]);
        this.shortTermGradeFactor = new double[5];
        for (int g = 1; g <= 4; g++) {
            shortTermGradeFactor[g] = StrictMath.exp(w[17] * (g - 3 + w[18]));
        }
        this.maximumInterval = config.maximumInterval();
        this.enableFuzz = config.enableFuzz();
        this.zoneRules = config.zone().getRules();
        this.fixedOffset = zoneRules.isFixedOffset();
        this.fixedOffsetSeconds = fixedOffset ? zoneRules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
        this.dayStartSeconds = config.dayStartHour() * 3_600L;
        this.learningSteps = new LearningSteps(config.learningSteps());
        this.relearningSteps = new LearningSteps(config.relearningSteps());
    }

    /** The configuration this scheduler was built from. */
    public SchedulerConfig config() {
        return config;
    }

    /**
     * Reviews {@code card} at {@code now} with {@code rating} and returns the updated card, including its new due
     * time, scheduled days, step, reps and lapses.
     *
     * @throws IllegalArgumentException if {@code now} falls on a study day before the card's last review, or a card
     *                                  that is not new has stability below 0.001 or difficulty below 1
     */
    public Card review(Card card, Instant now, Rating rating) {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(rating, "rating");
        long elapsed = elapsedSinceLastReview(card, now);
        return switch (card.state()) {
            case NEW, LEARNING -> reviewInSteps(card, now, rating, elapsed, CardState.LEARNING, learningSteps);
            case RELEARNING -> reviewInSteps(card, now, rating, elapsed, CardState.RELEARNING, relearningSteps);
            case REVIEW -> reviewInReview(card, now, rating, elapsed);
        };
    }

    /** The card that each rating would produce if {@code card} were reviewed at {@code now}. */
    public Map<Rating, Card> preview(Card card, Instant now) {
        Map<Rating, Card> result = new EnumMap<>(Rating.class);
        for (Rating rating : Rating.values()) {
            result.put(rating, review(card, now, rating));
        }
        return Collections.unmodifiableMap(result);
    }

    /**
     * Probability of recalling {@code card} at {@code now}, from the whole study days since its last review
     * (0 for a new card).
     */
    public double retrievability(Card card, Instant now) {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(now, "now");
        if (card.state() == CardState.NEW || card.stability() <= 0) {
            return 0;
        }
        long elapsed = card.lastReview() == null ? 0 : Math.max(0, elapsedDays(card.lastReview(), now));
        return forgettingCurve(elapsed, roundTo(card.stability()));
    }

    /**
     * The FSRS-6 forgetting curve R(t, S) = (1 + FACTOR * t / S)^DECAY with DECAY = -w20 and
     * FACTOR = 0.9^(1 / DECAY) - 1, rounded to 8 decimals as ts-fsrs does.
     *
     * @throws IllegalArgumentException if {@code elapsedDays} is negative or {@code stability} is not positive
     */
    public double forgettingCurve(double elapsedDays, double stability) {
        if (!(elapsedDays >= 0) || !(stability > 0)) {
            throw new IllegalArgumentException(
                    "need elapsedDays >= 0 and stability > 0, got " + elapsedDays + " and " + stability);
        }
        return curve(elapsedDays, stability);
    }

    /**
     * The study-day number of {@code instant}: the local date in the configured zone, counted from 1970-01-01,
     * of the instant moved back by the day-start hour (so 03:59 belongs to the previous day when days start at 4).
     */
    public long dayNumber(Instant instant) {
        int offset = fixedOffset ? fixedOffsetSeconds : zoneRules.getOffset(instant).getTotalSeconds();
        return Math.floorDiv(instant.getEpochSecond() + offset - dayStartSeconds, SECONDS_PER_DAY);
    }

    /**
     * The number of study-day starts between {@code from} and {@code to}; negative if {@code to} is on an
     * earlier study day.
     */
    public long elapsedDays(Instant from, Instant to) {
        return dayNumber(to) - dayNumber(from);
    }

    /** The review interval in whole days, before fuzz, for a card of the given stability. */
    public int nextInterval(double stability) {
        long days = Math.max(1, Math.round(stability * intervalModifier));
        return (int) Math.min(days, maximumInterval);
    }

    /** The memory state after the first review of a new card. */
    public MemoryState initialMemoryState(Rating rating) {
        int g = rating.value();
        return new MemoryState(initStability(g), clamp(initDifficulty(g), 1, 10));
    }

    /**
     * The memory state after a review {@code elapsedDays} study days after the previous one, with the same-day
     * (short-term) formula when {@code elapsedDays} is 0.
     *
     * @throws IllegalArgumentException if {@code elapsedDays} is negative or the state is out of range
     */
    public MemoryState nextMemoryState(MemoryState previous, long elapsedDays, Rating rating) {
        Objects.requireNonNull(previous, "previous");
        if (elapsedDays < 0) {
            throw new IllegalArgumentException("elapsedDays must be >= 0, got " + elapsedDays);
        }
        double d = previous.difficulty();
        double s = previous.stability();
        checkMemoryState(d, s);
        int g = rating.value();
        return new MemoryState(nextStability(d, s, elapsedDays, g, curve(elapsedDays, s)), nextDifficulty(d, g));
    }

    // ---- scheduling -------------------------------------------------------------------------------------------

    private long elapsedSinceLastReview(Card card, Instant now) {
        if (card.state() == CardState.NEW || card.lastReview() == null) {
            return 0;
        }
        long elapsed = elapsedDays(card.lastReview(), now);
        if (elapsed < 0) {
            throw new IllegalArgumentException(
                    "review time " + now + " is on a study day before the last review " + card.lastReview());
        }
        return elapsed;
    }

    /** New, learning and relearning cards: update memory, then follow the (re)learning steps. */
    private Card reviewInSteps(Card card, Instant now, Rating rating, long elapsed, CardState stayState,
            LearningSteps steps) {
        double d = card.difficulty();
        double s = card.stability();
        int g = rating.value();
        double newS;
        double newD;
        if (card.state() == CardState.NEW && d == 0 && s == 0) {
            newS = initStability(g);
            newD = clamp(initDifficulty(g), 1, 10);
        } else {
            checkMemoryState(d, s);
            newS = nextStability(d, s, elapsed, g, curve(elapsed, s));
            newD = nextDifficulty(d, g);
        }
        return applySteps(card, now, elapsed, steps.answer(card.step(), rating), stayState, newS, newD,
                card.lapses());
    }

    /** Review cards: Again lapses into relearning; Hard, Good and Easy get ordered intervals hard <= good < easy. */
    private Card reviewInReview(Card card, Instant now, Rating rating, long elapsed) {
        double d = card.difficulty();
        double s = card.stability();
        checkMemoryState(d, s);
        double r = curve(elapsed, s);
        int g = rating.value();
        double newD = nextDifficulty(d, g);
        if (rating == Rating.AGAIN) {
            double newS = nextStability(d, s, elapsed, g, r);
            return applySteps(card, now, elapsed, relearningSteps.lapse(card.step()), CardState.RELEARNING, newS,
                    newD, card.lapses() + 1);
        }
        double hardS;
        double goodS;
        double easyS;
        if (elapsed == 0) {
            double sPowW19 = StrictMath.pow(s, -w[19]);
            hardS = shortTermStability(s, sPowW19, Rating.HARD.value());
            goodS = shortTermStability(s, sPowW19, Rating.GOOD.value());
            easyS = shortTermStability(s, sPowW19, Rating.EASY.value());
        } else {
            double growth = recallGrowth(d, s, r);
            hardS = recallStability(s, growth, Rating.HARD.value());
            goodS = recallStability(s, growth, Rating.GOOD.value());
            easyS = recallStability(s, growth, Rating.EASY.value());
        }
        int hardBase = nextInterval(hardS);
        int goodBase = nextInterval(goodS);
        int easyBase = nextInterval(easyS);
        double fuzz = needsFuzz(Math.max(hardBase, Math.max(goodBase, easyBase))) ? Fuzz.factor(card, now) : 0;
        int hard = fuzzed(hardBase, elapsed, fuzz);
        int good = fuzzed(goodBase, elapsed, fuzz);
        hard = Math.min(hard, good);
        good = Math.max(good, hard + 1);
        int easy = Math.max(fuzzed(easyBase, elapsed, fuzz), good + 1);
        int interval = rating == Rating.HARD ? hard : rating == Rating.GOOD ? good : easy;
        double newS = rating == Rating.HARD ? hardS : rating == Rating.GOOD ? goodS : easyS;
        return new Card(CardState.REVIEW, newS, newD, 0, interval, card.reps() + 1, card.lapses(), now,
                now.plusSeconds(interval * SECONDS_PER_DAY));
    }

    private Card applySteps(Card card, Instant now, long elapsed, StepOutcome outcome, CardState stayState,
            double newS, double newD, int lapses) {
        int reps = card.reps() + 1;
        if (outcome instanceof StepOutcome.Delay delay) {
            Instant due = now.plusSeconds(delay.minutes() * 60);
            if (delay.minutes() < MINUTES_PER_DAY) {
                return new Card(stayState, newS, newD, delay.nextStep(), 0, reps, lapses, now, due);
            }
            return new Card(CardState.REVIEW, newS, newD, delay.nextStep(),
                    (int) (delay.minutes() / MINUTES_PER_DAY), reps, lapses, now, due);
        }
        int base = nextInterval(newS);
        int interval = fuzzed(base, elapsed, needsFuzz(base) ? Fuzz.factor(card, now) : 0);
        return new Card(CardState.REVIEW, newS, newD, 0, interval, reps, lapses, now,
                now.plusSeconds(interval * SECONDS_PER_DAY));
    }

    // ---- fuzz -------------------------------------------------------------------------------------------------

    private boolean needsFuzz(int interval) {
        return enableFuzz && interval >= 2.5;
    }

    private int fuzzed(int interval, long elapsed, double fuzzFactor) {
        return needsFuzz(interval) ? Fuzz.interval(interval, elapsed, fuzzFactor, maximumInterval) : interval;
    }

    // ---- the FSRS-6 formulas (rounded to 8 decimals where ts-fsrs rounds) -------------------------------------

    private double curve(double t, double s) {
        return roundTo(StrictMath.pow(1 + (factor * t) / s, decay));
    }

    private double initStability(int g) {
        return Math.max(w[g - 1], 0.1);
    }

    private double initDifficulty(int g) {
        return roundTo(w[4] - StrictMath.exp((g - 1) * w[5]) + 1);
    }

    private double nextDifficulty(double d, int g) {
        double deltaD = -w[6] * (g - 3);
        double nextD = d + roundTo((deltaD * (10 - d)) / 9);
        double reverted = roundTo(w[7] * initDifficultyEasy + (1 - w[7]) * nextD);
        return clamp(reverted, 1, 10);
    }

    private double nextStability(double d, double s, long t, int g, double r) {
        if (t == 0) {
            return shortTermStability(s, StrictMath.pow(s, -w[19]), g);
        }
        if (g == 1) {
            double afterFail = forgetStability(d, s, r);
            double floor = roundTo(s / expW17W18);
            return clamp(floor, S_MIN, afterFail);
        }
        return recallStability(s, recallGrowth(d, s, r), g);
    }

    /**
     * The grade-independent part of the recall stability increase, e^w8 * (11 - D) * S^-w9 * (e^(w10 * (1 - R)) - 1),
     * multiplied in the same order as ts-fsrs so that results stay bit-identical.
     */
    private double recallGrowth(double d, double s, double r) {
        return expW8 * (11 - d) * StrictMath.pow(s, -w[9]) * (StrictMath.exp((1 - r) * w[10]) - 1);
    }

    private double recallStability(double s, double growth, int g) {
        double hardPenalty = g == 2 ? w[15] : 1;
        double easyBonus = g == 4 ? w[16] : 1;
        double grown = s * (1 + growth * hardPenalty * easyBonus);
        return roundTo(clamp(grown, S_MIN, S_MAX));
    }

    private double forgetStability(double d, double s, double r) {
        double next = w[11] * StrictMath.pow(d, -w[12]) * (StrictMath.pow(s + 1, w[13]) - 1)
                * StrictMath.exp((1 - r) * w[14]);
        return roundTo(clamp(next, S_MIN, S_MAX));
    }

    /** Same-day stability S * max(S^-w19 * e^(w17 * (G - 3 + w18)), 1 if G >= Hard); {@code sPowW19} is S^-w19. */
    private double shortTermStability(double s, double sPowW19, int g) {
        double sinc = sPowW19 * shortTermGradeFactor[g];
        double masked = g >= 2 ? Math.max(sinc, 1.0) : sinc;
        return roundTo(clamp(s * masked, S_MIN, S_MAX));
    }

    private static void checkMemoryState(double d, double s) {
        if (d < 1 || s < S_MIN) {
            throw new IllegalArgumentException(
                    "invalid memory state: difficulty " + d + " (must be >= 1), stability " + s
                            + " (must be >= " + S_MIN + ")");
        }
    }

    /** The configured weights with ts-fsrs's extra ceiling on w17 and w18 for several relearning steps. */
    private static double[] effectiveWeights(SchedulerConfig config) {
        double[] w = config.weights().stream().mapToDouble(Double::doubleValue).toArray();
        int relearningCount = config.relearningSteps().size();
        if (relearningCount > 1) {
            // The post-lapse stability at D=1, R=0.7, S=1 times e^(steps * w17 * w18) must stay <= S.
            double value = -(StrictMath.log(w[11]) + StrictMath.log(StrictMath.pow(2.0, w[13]) - 1.0) + w[14] * 0.3)
                    / relearningCount;
            double ceiling = clamp(roundTo(StrictMath.sqrt(Math.max(value, 0))), 0.01, W17_W18_CEILING);
            w[17] = clamp(w[17], 0, ceiling);
            w[18] = clamp(w[18], 0, ceiling);
        }
        return w;
    }

    private static double clamp(double value, double min, double max) {
        return Math.min(Math.max(value, min), max);
    }

    /** Rounds to 8 decimals, half up, like ts-fsrs's roundTo(x, 8). */
    private static double roundTo(double value) {
        return Math.round(value * 1e8) / 1e8;
    }
}
