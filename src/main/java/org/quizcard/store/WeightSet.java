package org.quizcard.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A set of FSRS weights fitted to the learner's review log, as kept in the progress database.
 *
 * @param id       its number in the database (0 before it is saved)
 * @param fittedAt when it was fitted
 * @param weights  the 21 weights
 * @param reviews  how many reviews it was fitted on
 * @param logLoss  its log loss on those reviews
 * @param rmseBins its RMSE over bins on those reviews
 * @param active   whether it schedules the learner's reviews
 */
public record WeightSet(long id, Instant fittedAt, List<Double> weights, long reviews, double logLoss, double rmseBins,
                        boolean active) {
    public WeightSet {
        weights = List.copyOf(weights);
    }

    /** The weights as stored: decimal numbers that read back to the same doubles, comma-separated. */
    static String encode(List<Double> weights) {
        return weights.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static List<Double> decode(String text) {
        return Arrays.stream(text.split(",")).map(Double::valueOf).toList();
    }
}
