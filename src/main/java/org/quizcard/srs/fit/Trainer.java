package org.quizcard.srs.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Fits the weights to a set of items the way fsrs-rs's compute_parameters does.
 *
 * <p>After the {@link OutlierFilter}: with fewer than 8 training items the defaults stand; otherwise w0-w3 are
 * {@link Pretraining pre-trained}; with fewer than 64 items (or no item beyond pre-training's) that is all.
 * Otherwise all 21 weights are trained from there for 5 epochs of Adam (learning rate 0.04, cosine-annealed to 0
 * over all steps) on batches of about 512 items, each batch the items of whole cards of similar length (cards
 * sorted by length, then packed), batch order shuffled each epoch with a fixed seed. The loss of a batch is its
 * recency-weighted log loss summed over items plus an L2 prior pulling each weight towards its starting value,
 * scaled by that weight's spread across users and by the batch's share of all items. After each step the
 * weights are clamped into fsrs-rs's ranges; at the end w0-w3 are smoothed as in pre-training. Items with more
 * than 256 reviews are left out. Everything runs on one thread in a fixed order, so the result is reproducible.
 */
final class Trainer {

    static final int MIN_ITEMS = 8;
    static final int MIN_ITEMS_FULL = 64;
    private static final int EPOCHS = 5;
    private static final int BATCH_ITEMS = 512;
    private static final int MAX_LENGTH = 256;
    private static final double LEARNING_RATE = 4e-2;
    private static final double GAMMA = 1.0;
    private static final long SEED = 2023;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    /** How far fitting went. */
    enum Stage { DEFAULTS, PRETRAINED, TRAINED }

    /** Fitted weights, the stage reached and the number of items used for training. */
    record Fit(double[] weights, Stage stage, int trainingItems) {
    }

    private Trainer() {
    }

    /** Fits to {@code items} (review positions in time order). */
    static Fit fit(ReviewHistory h, int[] items) {
        OutlierFilter.Split split = OutlierFilter.apply(h, items);
        int[] training = split.training();
        if (training.length < MIN_ITEMS) {
            return new Fit(Weights.defaults(), Stage.DEFAULTS, training.length);
        }
        long recalled = Arrays.stream(training).filter(p -> h.rating()[p] > 1).count();
        Pretraining.Result pre = Pretraining.run(h, split.initialization(), (double) recalled / training.length);
        if (pre == null) {
            return new Fit(Weights.defaults(), Stage.DEFAULTS, training.length);
        }
        double[] start = Weights.defaults();
        System.arraycopy(pre.stability(), 0, start, 0, 4);
        if (training.length == split.initialization().length || training.length < MIN_ITEMS_FULL) {
            return new Fit(start, Stage.PRETRAINED, training.length);
        }
        ItemSet set = ItemSet.of(h, training, MAX_LENGTH);
        double[] w = train(h, set, start);
        double[] s = {Double.NaN, w[0], w[1], w[2], w[3]};
        System.arraycopy(Pretraining.smoothAndFill(s, pre.counts()), 0, w, 0, 4);
        return new Fit(w, Stage.TRAINED, set.size());
    }

    private static double[] train(ReviewHistory h, ItemSet set, double[] start) {
        List<int[]> batches = batches(set);
        int total = set.size();
        double steps = (double) (total / BATCH_ITEMS + 1) * EPOCHS;
        double[] w = start.clone();
        double[] m = new double[Weights.COUNT];
        double[] v = new double[Weights.COUNT];
        double[] grad = new double[Weights.COUNT];
        double[] positionWeight = set.positionWeight();
        CardModel model = new CardModel();
        Random random = new Random(SEED);
        int step = 0;
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            List<int[]> shuffled = new ArrayList<>(batches);
            Collections.shuffle(shuffled, random);
            for (int[] batch : shuffled) {
                double lr = LEARNING_RATE * (1 + StrictMath.cos(StrictMath.PI * step / steps)) / 2;
                Arrays.fill(grad, 0);
                model.weights(w);
                int batchItems = 0;
                for (int i : batch) {
                    int first = h.cardStart()[set.cards()[i]];
                    model.lossAndGradient(h, first, set.lengths()[i], positionWeight, grad);
                    batchItems += set.itemCounts()[i];
                }
                double scale = GAMMA * batchItems / total;
                for (int i = 0; i < Weights.COUNT; i++) {
                    double sd = Weights.STDDEV[i];
                    grad[i] += 2 * (w[i] - start[i]) / (sd * sd) * scale;
                }
                step++;
                adam(w, m, v, grad, lr, step);
                Weights.clamp(w, Weights.W19_TRAINING_FLOOR);
            }
        }
        return w;
    }

    private static void adam(double[] w, double[] m, double[] v, double[] grad, double lr, int t) {
        double bias1 = 1 - StrictMath.pow(BETA1, t);
        double bias2 = 1 - StrictMath.pow(BETA2, t);
        for (int i = 0; i < Weights.COUNT; i++) {
            m[i] = BETA1 * m[i] + (1 - BETA1) * grad[i];
            v[i] = BETA2 * v[i] + (1 - BETA2) * grad[i] * grad[i];
            w[i] -= lr * (m[i] / bias1) / (StrictMath.sqrt(v[i] / bias2) + EPSILON);
        }
    }

    /** Cards sorted by length (stable), packed into batches of at most 512 items (a longer card alone). */
    static List<int[]> batches(ItemSet set) {
        int[] byLength = IntStream.range(0, set.cards().length).boxed()
                .sorted(Comparator.comparingInt(i -> set.lengths()[i])).mapToInt(Integer::intValue).toArray();
        List<int[]> batches = new ArrayList<>();
        int from = 0;
        int items = 0;
        for (int k = 0; k < byLength.length; k++) {
            int cardItems = set.itemCounts()[byLength[k]];
            if (k > from && items + cardItems > BATCH_ITEMS) {
                batches.add(Arrays.copyOfRange(byLength, from, k));
                from = k;
                items = 0;
            }
            items += cardItems;
        }
        if (from < byLength.length) {
            batches.add(Arrays.copyOfRange(byLength, from, byLength.length));
        }
        return batches;
    }
}
