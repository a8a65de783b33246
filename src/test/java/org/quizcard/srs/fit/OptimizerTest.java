package org.quizcard.srs.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Thresholds, determinism and recovery of known weights. */
class OptimizerTest {

    private static final int[][] GOOD_1_3_7 = {{0, 3}, {1, 3}, {3, 3}, {7, 3}};

    @Test
    void sevenItemsKeepTheDefaults() {
        FitResult fit = Optimizer.fit(Logs.sameCards(7, new int[][] {{0, 3}, {2, 3}}), ZoneOffset.UTC, 4);

        assertThat(fit.items()).isEqualTo(7);
        assertThat(fit.weights()).containsExactly(Weights.DEFAULTS);
        assertThat(fit.health().verdict()).isEqualTo(Health.Verdict.TOO_LITTLE_DATA);
        assertThat(fit.health().message()).contains("optimize again after about");
    }

    @Test
    void anEmptyLogKeepsTheDefaultsWithNothingToScore() {
        FitResult fit = Optimizer.fit(List.of(), ZoneOffset.UTC, 4);

        assertThat(fit.reviews()).isZero();
        assertThat(fit.items()).isZero();
        assertThat(fit.weights()).containsExactly(Weights.DEFAULTS);
        assertThat(fit.before()).isNull();
        assertThat(fit.after()).isNull();
        assertThat(fit.health().verdict()).isEqualTo(Health.Verdict.TOO_LITTLE_DATA);
    }

    @Test
    void sixtyThreeItemsFitOnlyTheInitialStabilities() {
        FitResult fit = Optimizer.fit(Logs.sameCards(21, GOOD_1_3_7), ZoneOffset.UTC, 4);

        assertThat(fit.items()).isEqualTo(63);
        double[] w = fit.weights();
        assertThat(Arrays.copyOfRange(w, 4, 21)).containsExactly(Arrays.copyOfRange(Weights.DEFAULTS, 4, 21));
        for (int i = 0; i < 4; i++) {
            assertThat(w[i]).as("w%d", i).isNotEqualTo(Weights.DEFAULTS[i]);
        }
        assertThat(w[0]).isLessThan(w[1]).isLessThan(w[2]).isLessThan(w[3]);
        assertThat(fit.health().verdict()).isEqualTo(Health.Verdict.TOO_LITTLE_DATA);
    }

    @Test
    void sixtyFourItemsFitAllWeights() {
        List<Review> reviews = new ArrayList<>(Logs.sameCards(21, GOOD_1_3_7));
        reviews.add(Logs.review("c0", 20, 0, 1));

        FitResult fit = Optimizer.fit(reviews, ZoneOffset.UTC, 4);

        assertThat(fit.items()).isEqualTo(64);
        long changed = 0;
        for (int i = 4; i < 21; i++) {
            changed += fit.weights()[i] != Weights.DEFAULTS[i] ? 1 : 0;
        }
        assertThat(changed).isPositive();
    }

    @Test
    void sameLogGivesBitIdenticalWeights() {
        List<Review> reviews = SimulatedLog.simulate(SimulatedLog.TRUE_WEIGHTS, 300, 12, 5);
        List<Review> shuffled = new ArrayList<>(reviews);
        java.util.Collections.shuffle(shuffled, new Random(1));

        double[] first = Optimizer.fit(reviews, ZoneOffset.UTC, 4).weights();
        double[] second = Optimizer.fit(shuffled, ZoneOffset.UTC, 4).weights();

        for (int i = 0; i < 21; i++) {
            assertThat(Double.doubleToRawLongBits(second[i])).as("w%d", i)
                    .isEqualTo(Double.doubleToRawLongBits(first[i]));
        }
        assertThat(first).isNotEqualTo(Weights.DEFAULTS);
    }

    /** Weights far from the defaults: a slower-decaying curve, larger initial stabilities, stronger recall gain. */
    @Test
    void fitsLogSimulatedFromKnownWeightsBetterThanTheDefaults() {
        List<Review> log = SimulatedLog.simulate(SimulatedLog.TRUE_WEIGHTS, 600, 15, 9);
        FitResult fit = Optimizer.fit(log, ZoneOffset.UTC, 4);
        ReviewHistory h = Logs.history(log);
        Metrics truth = Evaluation.evaluate(h, SimulatedLog.TRUE_WEIGHTS);

        assertThat(fit.after().logLoss()).isLessThan(fit.before().logLoss() - 0.005);
        assertThat(fit.after().rmseBins()).isLessThan(fit.before().rmseBins());
        assertThat(fit.health().verdict()).isEqualTo(Health.Verdict.BETTER);
        // nearly as good as the weights that made the log
        assertThat(fit.after().logLoss()).isLessThan(truth.logLoss() + 0.003);
    }
}
