package org.quizcard.srs.fit;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Pre-training of the initial stabilities w0-w3, as fsrs-rs does it.
 *
 * <p>For each first rating, the items whose current review is the card's first long-term review are grouped by
 * elapsed days, each group's recall rate shrunk towards the average recall by one pseudo-review. The stability
 * whose forgetting curve (at the default decay) best fits these points in log loss, plus a pull of |s - default|
 * / 16, is found by ternary search on [0.001, 100]. Then stabilities are made to rise with the rating (an
 * inversion is settled in favour of the rating with more data), and ratings without data are filled in from the
 * others by two log-linear relations between neighbouring ratings.
 */
final class Pretraining {

    static final double INIT_S_MAX = 100.0;
    private static final double S_MIN = 0.001;
    /** Weights of the two log-linear relations: ln s2 = A ln s1 + (1 - A) ln s3, ln s3 = (1 - B) ln s2 + B ln s4. */
    private static final double A = 0.41;
    private static final double B = 0.54;

    /** Pre-trained w0-w3, with how many items of each first rating (index 1-4) they came from. */
    record Result(double[] stability, int[] counts) {
    }

    private Pretraining() {
    }

    /** Returns null when no first rating has data. */
    static Result run(ReviewHistory history, int[] initItems, double averageRecall) {
        Map<Integer, Map<Integer, int[]>> groups = new HashMap<>();
        int[] counts = new int[5];
        for (int p : initItems) {
            int first = history.firstRating(p);
            int[] tally = groups.computeIfAbsent(first, k -> new TreeMap<>())
                    .computeIfAbsent(history.delta()[p], k -> new int[2]);
            tally[0]++;
            tally[1] += history.rating()[p] > 1 ? 1 : 0;
            counts[first]++;
        }
        double[] stability = new double[5];
        boolean any = false;
        for (int r = 1; r <= 4; r++) {
            if (groups.containsKey(r)) {
                stability[r] = search(groups.get(r), averageRecall, Weights.DEFAULTS[r - 1]);
                any = true;
            } else {
                stability[r] = Double.NaN;
            }
        }
        return any ? new Result(smoothAndFill(stability, counts), counts) : null;
    }

    private static double search(Map<Integer, int[]> byDelta, double averageRecall, double defaultS) {
        int n = byDelta.size();
        double[] t = new double[n];
        double[] recall = new double[n];
        double[] count = new double[n];
        int i = 0;
        for (Map.Entry<Integer, int[]> e : byDelta.entrySet()) {
            t[i] = e.getKey();
            count[i] = e.getValue()[0];
            double real = e.getValue()[1] / count[i];
            recall[i] = (real * count[i] + averageRecall) / (count[i] + 1);
            i++;
        }
        double decay = -Weights.DEFAULTS[20];
        double factor = StrictMath.pow(0.9, 1 / decay) - 1;
        double low = S_MIN;
        double high = INIT_S_MAX;
        double best = defaultS;
        for (int iter = 0; high - low > Math.ulp(1.0) && iter < 1000; iter++) {
            double mid1 = low + (high - low) / 3;
            double mid2 = high - (high - low) / 3;
            if (loss(t, recall, count, mid1, defaultS, decay, factor)
                    < loss(t, recall, count, mid2, defaultS, decay, factor)) {
                high = mid2;
            } else {
                low = mid1;
            }
            best = (high + low) / 2;
        }
        return best;
    }

    private static double loss(double[] t, double[] recall, double[] count, double s, double defaultS,
                               double decay, double factor) {
        double sum = 0;
        for (int i = 0; i < t.length; i++) {
            double y = StrictMath.pow(t[i] / s * factor + 1, decay);
            sum += -(recall[i] * StrictMath.log(y) + (1 - recall[i]) * StrictMath.log(1 - y)) * count[i];
        }
        return sum + Math.abs(s - defaultS) / 16;
    }

    /**
     * Orders stabilities by rating and fills the missing ones (NaN); index 1-4 of {@code s} and {@code counts}.
     * Returns w0-w3, each within [0.001, 100].
     */
    static double[] smoothAndFill(double[] s, int[] counts) {
        int[][] pairs = {{1, 2}, {2, 3}, {3, 4}, {1, 3}, {2, 4}, {1, 4}};
        for (int[] pair : pairs) {
            int small = pair[0];
            int big = pair[1];
            if (!Double.isNaN(s[small]) && !Double.isNaN(s[big]) && s[small] > s[big]) {
                if (counts[small] > counts[big]) {
                    s[big] = s[small];
                } else {
                    s[small] = s[big];
                }
            }
        }
        int[] known = IntStream.rangeClosed(1, 4).filter(r -> !Double.isNaN(s[r])).toArray();
        double[] w = new double[4];
        if (known.length == 1) {
            int only = known[0];
            double factor = s[only] / Weights.DEFAULTS[only - 1];
            for (int r = 1; r <= 4; r++) {
                w[r - 1] = Weights.DEFAULTS[r - 1] * factor;
            }
        } else {
            double[] log = new double[5];
            for (int r = 1; r <= 4; r++) {
                log[r] = StrictMath.log(s[r]);
            }
            fillLogs(log, s);
            for (int r = 1; r <= 4; r++) {
                w[r - 1] = Double.isNaN(s[r]) ? StrictMath.exp(log[r]) : s[r];
            }
        }
        for (int i = 0; i < 4; i++) {
            w[i] = Math.min(INIT_S_MAX, Math.max(S_MIN, w[i]));
        }
        return w;
    }

    /**
     * Solves the two relations for the missing log stabilities. With one missing, fsrs-rs uses the first relation
     * for ratings 1 and 2 and the second for ratings 3 and 4; with two missing, both together.
     */
    private static void fillLogs(double[] log, double[] s) {
        // the relations as rows c1..c4 with c . log = 0
        double[][] rows = {{0, A, -1, 1 - A, 0}, {0, 0, 1 - B, -1, B}};
        int[] missing = IntStream.rangeClosed(1, 4).filter(r -> Double.isNaN(s[r])).toArray();
        int m = missing.length;
        if (m == 1) {
            int r = missing[0];
            double[] row = r <= 2 ? rows[0] : rows[1];
            log[r] = -rest(row, log, r, r) / row[r];
        } else if (m == 2) {
            int i = missing[0];
            int j = missing[1];
            double b0 = -rest(rows[0], log, i, j);
            double b1 = -rest(rows[1], log, i, j);
            double det = rows[0][i] * rows[1][j] - rows[0][j] * rows[1][i];
            log[i] = (b0 * rows[1][j] - rows[0][j] * b1) / det;
            log[j] = (rows[0][i] * b1 - b0 * rows[1][i]) / det;
        }
    }

    private static double rest(double[] row, double[] log, int skipA, int skipB) {
        double sum = 0;
        for (int r = 1; r <= 4; r++) {
            if (r != skipA && r != skipB) {
                sum += row[r] * log[r];
            }
        }
        return sum;
    }
}
