package org.quizcard.srs;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * Immutable settings of an {@link Fsrs} scheduler: the 21 FSRS-6 weights, desired retention, interval cap,
 * (re)learning steps, fuzz switch and the study-day boundary (hour of day in a time zone).
 *
 * @param weights          the 21 FSRS-6 model weights w0..w20
 * @param desiredRetention target probability of recall at the due time, in (0, 1)
 * @param maximumInterval  longest review interval in days, at least 1
 * @param learningSteps    delays used for new and learning cards, whole minutes each
 * @param relearningSteps  delays used after a lapse, whole minutes each
 * @param enableFuzz       whether review intervals of 3 days or more are spread randomly (deterministically seeded)
 * @param zone             time zone in which study days are counted
 * @param dayStartHour     local hour (0..23) at which a new study day begins
 */
public record SchedulerConfig(
        List<Double> weights,
        double desiredRetention,
        int maximumInterval,
        List<Duration> learningSteps,
        List<Duration> relearningSteps,
        boolean enableFuzz,
        ZoneId zone,
        int dayStartHour) {

    /** The default FSRS-6 weights (as shipped by ts-fsrs 5 and fsrs-rs). */
    public static final List<Double> DEFAULT_WEIGHTS = List.of(
            0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
            1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542);

    /** Number of FSRS-6 weights. */
    public static final int WEIGHT_COUNT = 21;

    /** Default desired retention. */
    public static final double DEFAULT_DESIRED_RETENTION = 0.9;

    /** Default maximum interval in days (100 years). */
    public static final int DEFAULT_MAXIMUM_INTERVAL = 36500;

    /** Default learning steps: 1 minute and 10 minutes. */
    public static final List<Duration> DEFAULT_LEARNING_STEPS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(10));

    /** Default relearning steps: 10 minutes. */
    public static final List<Duration> DEFAULT_RELEARNING_STEPS = List.of(Duration.ofMinutes(10));

    /** Default hour at which a study day starts (as in Anki). */
    public static final int DEFAULT_DAY_START_HOUR = 4;

    /** Longest accepted (re)learning step. */
    private static final Duration MAX_STEP = Duration.ofDays(36500);

    /**
     * Allowed range of each weight, as clamped by ts-fsrs (FSRS-6 with short-term scheduling).
     * Rows are {min, max} for w0..w20.
     */
    private static final double[][] WEIGHT_RANGES = {
        {0.001, 100}, {0.001, 100}, {0.001, 100}, {0.001, 100},
        {1, 10}, {0.001, 4}, {0.001, 4}, {0.001, 0.75},
        {0, 4.5}, {0, 0.8}, {0.001, 3.5},
        {0.001, 5}, {0.001, 0.25}, {0.001, 0.9}, {0, 4},
        {0, 1}, {1, 6},
        {0, 2}, {0, 2}, {0.01, 0.8}, {0.1, 0.8},
    };

    /** Validates every setting and takes immutable copies of the lists. */
    public SchedulerConfig {
        weights = validWeights(weights);
        if (!(desiredRetention > 0 && desiredRetention < 1)) {
            throw new IllegalArgumentException("desiredRetention must be in (0, 1), got " + desiredRetention);
        }
        if (maximumInterval < 1) {
            throw new IllegalArgumentException("maximumInterval must be at least 1 day, got " + maximumInterval);
        }
        learningSteps = validSteps("learningSteps", learningSteps);
        relearningSteps = validSteps("relearningSteps", relearningSteps);
        if (zone == null) {
            throw new IllegalArgumentException("zone must not be null");
        }
        if (dayStartHour < 0 || dayStartHour > 23) {
            throw new IllegalArgumentException("dayStartHour must be in 0..23, got " + dayStartHour);
        }
    }

    /**
     * The defaults: FSRS-6 default weights, retention 0.9, 36500 days, steps 1m+10m / 10m, fuzz on,
     * system zone, days starting at 4 am.
     */
    public static SchedulerConfig defaults() {
        return new SchedulerConfig(DEFAULT_WEIGHTS, DEFAULT_DESIRED_RETENTION, DEFAULT_MAXIMUM_INTERVAL,
                DEFAULT_LEARNING_STEPS, DEFAULT_RELEARNING_STEPS, true, ZoneId.systemDefault(), DEFAULT_DAY_START_HOUR);
    }

    /** A copy with other weights. */
    public SchedulerConfig withWeights(List<Double> newWeights) {
        return new SchedulerConfig(newWeights, desiredRetention, maximumInterval, learningSteps, relearningSteps,
                enableFuzz, zone, dayStartHour);
    }

    /** A copy with another desired retention. */
    public SchedulerConfig withDesiredRetention(double retention) {
        return new SchedulerConfig(weights, retention, maximumInterval, learningSteps, relearningSteps,
                enableFuzz, zone, dayStartHour);
    }

    /** A copy with another maximum interval in days. */
    public SchedulerConfig withMaximumInterval(int days) {
        return new SchedulerConfig(weights, desiredRetention, days, learningSteps, relearningSteps,
                enableFuzz, zone, dayStartHour);
    }

    /** A copy with other learning steps. */
    public SchedulerConfig withLearningSteps(List<Duration> steps) {
        return new SchedulerConfig(weights, desiredRetention, maximumInterval, steps, relearningSteps,
                enableFuzz, zone, dayStartHour);
    }

    /** A copy with other relearning steps. */
    public SchedulerConfig withRelearningSteps(List<Duration> steps) {
        return new SchedulerConfig(weights, desiredRetention, maximumInterval, learningSteps, steps,
                enableFuzz, zone, dayStartHour);
    }

    /** A copy with fuzz switched on or off. */
    public SchedulerConfig withEnableFuzz(boolean fuzz) {
        return new SchedulerConfig(weights, desiredRetention, maximumInterval, learningSteps, relearningSteps,
                fuzz, zone, dayStartHour);
    }

    /** A copy counting study days in another time zone. */
    public SchedulerConfig withZone(ZoneId newZone) {
        return new SchedulerConfig(weights, desiredRetention, maximumInterval, learningSteps, relearningSteps,
                enableFuzz, newZone, dayStartHour);
    }

    /** A copy whose study days start at another local hour. */
    public SchedulerConfig withDayStartHour(int hour) {
        return new SchedulerConfig(weights, desiredRetention, maximumInterval, learningSteps, relearningSteps,
                enableFuzz, zone, hour);
    }

    private static List<Double> validWeights(List<Double> weights) {
        if (weights == null) {
            throw new IllegalArgumentException("weights must not be null");
        }
        if (weights.size() != WEIGHT_COUNT) {
            throw new IllegalArgumentException(
                    "FSRS-6 needs exactly " + WEIGHT_COUNT + " weights, got " + weights.size());
        }
        for (int i = 0; i < WEIGHT_COUNT; i++) {
            Double w = weights.get(i);
            if (w == null || !Double.isFinite(w)) {
                throw new IllegalArgumentException("weight w" + i + " must be a finite number, got " + w);
            }
            double min = WEIGHT_RANGES[i][0];
            double max = WEIGHT_RANGES[i][1];
            if (w < min || w > max) {
                throw new IllegalArgumentException(
                        "weight w" + i + " = " + w + " is outside its allowed range [" + min + ", " + max + "]");
            }
        }
        return List.copyOf(weights);
    }

    private static List<Duration> validSteps(String name, List<Duration> steps) {
        if (steps == null) {
            throw new IllegalArgumentException(name + " must not be null (use an empty list for no steps)");
        }
        for (int i = 0; i < steps.size(); i++) {
            Duration step = steps.get(i);
            if (step == null) {
                throw new IllegalArgumentException(name + "[" + i + "] must not be null");
            }
            if (step.compareTo(Duration.ofMinutes(1)) < 0 || step.compareTo(MAX_STEP) > 0
                    || step.toSecondsPart() != 0 || step.toNanosPart() != 0) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] must be a whole number of minutes between 1 minute and 36500 days, got "
                                + step);
            }
        }
        return List.copyOf(steps);
    }
}
