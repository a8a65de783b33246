package org.quizcard.srs.fit;

import org.quizcard.srs.SchedulerConfig;

/** Constants and bounds of the 21 FSRS-6 weights during fitting, as fsrs-rs sets them. */
final class Weights {

    static final int COUNT = SchedulerConfig.WEIGHT_COUNT;
    /** The defaults, quizcard's (which are fsrs-rs's and ts-fsrs's). */
    static final double[] DEFAULTS = SchedulerConfig.DEFAULT_WEIGHTS.stream().mapToDouble(Double::doubleValue).toArray();
    /** Spread of each weight across many users' fitted weights: the scale of the prior towards the defaults. */
    static final double[] STDDEV = {
        6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57, 0.25,
        1.03, 0.31, 0.32, 0.14, 0.27};

    static final double S_MIN = 0.001;
    static final double S_MAX = 36500.0;
    static final double D_MIN = 1.0;
    static final double D_MAX = 10.0;

    private static final double[] LOW = {
        S_MIN, S_MIN, S_MIN, S_MIN, D_MIN, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001, 0.001, 0.001, 0.001, 0.0, 0.0, 1.0,
        0.0, 0.0, 0.0, 0.1};
    private static final double[] HIGH = {
        Pretraining.INIT_S_MAX, Pretraining.INIT_S_MAX, Pretraining.INIT_S_MAX, Pretraining.INIT_S_MAX, D_MAX, 4.0,
        4.0, 0.75, 4.5, 0.8, 3.5, 5.0, 0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0, 0.8, 0.8};
    /** Floor of w19 while training the short-term weights. */
    static final double W19_TRAINING_FLOOR = 0.01;

    private Weights() {
    }

    /**
     * Clamps {@code w} in place into the ranges fsrs-rs allows (one relearning step); {@code w19Floor} is
     * {@link #W19_TRAINING_FLOOR} in training and 0 when scoring.
     */
    static void clamp(double[] w, double w19Floor) {
        for (int i = 0; i < COUNT; i++) {
            double low = i == 19 ? w19Floor : LOW[i];
            w[i] = Math.min(HIGH[i], Math.max(low, w[i]));
        }
    }

    static double[] defaults() {
        return DEFAULTS.clone();
    }
}
