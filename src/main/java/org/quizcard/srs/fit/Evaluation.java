package org.quizcard.srs.fit;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores a weight set on items, as fsrs-rs's evaluation does: each item's recall probability is R from its
 * history, items are weighted by recency ({@link ItemSet}), and the metrics are the weighted log loss and RMSE
 * over bins ({@link Metrics}).
 *
 * <p>The bin of an item is the triple of its interval t rounded down to a power of 3.62 (as
 * round(248 * 3.62^floor(log_3.62 t))), its count of long-term reviews plus one rounded down to a power of 1.89
 * (as round(1.99 * 1.89^k)), and its lapses (agains after at least a day) rounded down to a power of 1.73 (as
 * round(1.65 * 1.73^k), 0 for none). The weights are clamped into fsrs-rs's ranges first.
 */
public final class Evaluation {

    private static final double LN_362 = StrictMath.log(3.62);
    private static final double LN_189 = StrictMath.log(1.89);
    private static final double LN_173 = StrictMath.log(1.73);

    private Evaluation() {
    }

    /**
     * Scores {@code weights} (21) on {@code history} as fsrs-rs's evaluation does (its Node binding included):
     * on the items that pass the {@link OutlierFilter}, the first long-term reviews first, in the filter's group
     * order, then the other items in time order (which sets the recency weights). Null when no item is left.
     */
    static Metrics evaluate(ReviewHistory history, double[] weights) {
        return evaluate(history, fsrsRsOrder(history), weights);
    }

    static int[] fsrsRsOrder(ReviewHistory history) {
        return OutlierFilter.apply(history, history.items()).evaluationOrder(history);
    }

    /** Scores {@code weights} on {@code items} (review positions in time order); null when there are none. */
    static Metrics evaluate(ReviewHistory h, int[] items, double[] weights) {
        if (weights.length != Weights.COUNT) {
            throw new IllegalArgumentException("need " + Weights.COUNT + " weights, got " + weights.length);
        }
        ItemSet set = ItemSet.of(h, items, Integer.MAX_VALUE);
        if (set.size() == 0) {
            return null;
        }
        double[] w = weights.clone();
        Weights.clamp(w, 0);
        CardModel model = new CardModel();
        model.weights(w);
        double[] weight = set.positionWeight();
        double loss = 0;
        Map<Bin, double[]> bins = new TreeMap<>(Bin.ORDER);
        for (int i = 0; i < set.cards().length; i++) {
            int start = h.cardStart()[set.cards()[i]];
            int length = set.lengths()[i];
            model.forward(h, start, length);
            int lapses = 0;
            for (int k = 1; k < length; k++) {
                int p = start + k;
                if (weight[p] != 0) {
                    double pred = model.retrievability(k);
                    double y = h.rating()[p] > 1 ? 1 : 0;
                    loss += -(y * StrictMath.log(pred) + (1 - y) * StrictMath.log(1 - pred)) * weight[p];
                    double[] bin = bins.computeIfAbsent(binKey(h.delta()[p], h.longTermCount()[p] + 1, lapses),
                            key -> new double[4]);
                    bin[0] += pred;
                    bin[1] += y;
                    bin[2] += 1;
                    bin[3] += weight[p];
                }
                if (h.rating()[p] == 1 && h.delta()[p] > 0) {
                    lapses++;
                }
            }
        }
        double squares = 0;
        double binWeight = 0;
        for (double[] bin : bins.values()) {
            double gap = bin[0] / bin[2] - bin[1] / bin[2];
            squares += gap * gap * bin[3];
            binWeight += bin[3];
        }
        return new Metrics(loss / set.weightSum(), StrictMath.sqrt(squares / binWeight), set.size());
    }

    /** An item's bin: its rounded interval, review count and lapse count. */
    record Bin(long interval, long length, long lapses) {
        static final Comparator<Bin> ORDER = Comparator.comparingLong(Bin::interval)
                .thenComparingLong(Bin::length).thenComparingLong(Bin::lapses);
    }

    static Bin binKey(int delta, int length, int lapses) {
        long t = Math.round(2.48 * StrictMath.pow(3.62, StrictMath.floor(StrictMath.log(delta) / LN_362)) * 100);
        long n = Math.round(1.99 * StrictMath.pow(1.89, StrictMath.floor(StrictMath.log(length) / LN_189)));
        long l = lapses == 0 ? 0
                : Math.round(1.65 * StrictMath.pow(1.73, StrictMath.floor(StrictMath.log(lapses) / LN_173)));
        return new Bin(t, n, l);
    }
}
