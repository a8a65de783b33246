package org.quizcard.srs.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-derived gradient of {@link CardModel} against finite differences of its loss. The model has kinks
 * (max, min and clamps), where the gradient is one-sided as in fsrs-rs; so a component passes when it matches the
 * central difference or, at a kink, one of the one-sided differences. Random weights almost never sit on a kink;
 * generated edge cases (round values) would, so they are off.
 */
class CardModelGradientTest {

    /** Interior ranges for random weights, inside the training clamps so that no clamp is active at the point. */
    private static final double[][] RANGES = {
        {0.1, 3}, {0.5, 6}, {1, 10}, {3, 30}, {3, 8}, {0.1, 1.5}, {0.5, 3.5}, {0.01, 0.5}, {0.5, 3}, {0.05, 0.6},
        {0.2, 2}, {0.5, 3}, {0.01, 0.2}, {0.1, 0.8}, {0.5, 3}, {0.2, 0.9}, {1.2, 4}, {0.1, 1.2}, {0.05, 1.2},
        {0.02, 0.6}, {0.12, 0.7}};

    record Step(int days, int rating) {
    }

    @Provide
    Arbitrary<double[]> weights() {
        List<Arbitrary<Double>> each = new ArrayList<>();
        for (double[] range : RANGES) {
            each.add(Arbitraries.doubles().between(range[0], range[1]));
        }
        return Combinators.combine(each).as(list -> list.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Provide
    Arbitrary<List<Step>> cards() {
        Arbitrary<Integer> days = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 60)));
        Arbitrary<Step> step = Combinators.combine(days, Arbitraries.integers().between(1, 4)).as(Step::new);
        return step.list().ofMinSize(2).ofMaxSize(25);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void gradientMatchesFiniteDifferences(@ForAll("weights") double[] w, @ForAll("cards") List<Step> steps) {
        List<Review> reviews = new ArrayList<>();
        int day = 0;
        for (int i = 0; i < steps.size(); i++) {
            day += i == 0 ? 0 : steps.get(i).days();
            reviews.add(Logs.review("c", day, i, steps.get(i).rating()));
        }
        ReviewHistory h = Logs.history(reviews);
        double[] weight = new double[h.reviews()];
        for (int p = 1; p < h.reviews(); p++) {
            weight[p] = h.delta()[p] > 0 ? 0.25 + p * 0.1 : 0;
        }
        CardModel model = new CardModel();
        double[] grad = new double[21];
        model.weights(w);
        model.lossAndGradient(h, 0, h.reviews(), weight, grad);
        for (int i = 0; i < 21; i++) {
            double step = 1e-6 * Math.max(1, Math.abs(w[i]));
            double[] up = w.clone();
            double[] down = w.clone();
            up[i] += step;
            down[i] -= step;
            double at = loss(model, w, h, weight);
            double lossUp = loss(model, up, h, weight);
            double lossDown = loss(model, down, h, weight);
            double central = (lossUp - lossDown) / (2 * step);
            double forward = (lossUp - at) / step;
            double backward = (at - lossDown) / step;
            assertThat(close(grad[i], central, 1e-4) || close(grad[i], forward, 1e-3) || close(grad[i], backward, 1e-3))
                    .as("d loss / d w%d = %s; central %s, forward %s, backward %s", i, grad[i], central, forward,
                            backward)
                    .isTrue();
        }
    }

    private static boolean close(double analytic, double numeric, double relative) {
        return Math.abs(analytic - numeric) <= 1e-5 + relative * Math.abs(numeric);
    }

    private static double loss(CardModel model, double[] w, ReviewHistory h, double[] weight) {
        model.weights(w);
        return model.lossAndGradient(h, 0, h.reviews(), weight, new double[21]);
    }
}
