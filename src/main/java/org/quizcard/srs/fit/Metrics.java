package org.quizcard.srs.fit;

/**
 * How well a weight set predicts a set of items, as the FSRS benchmark and fsrs-rs measure it; lower is better
 * for both.
 *
 * @param logLoss  mean binary cross-entropy between the predicted recall probability and what happened (recalled
 *                 or not), each item weighted by recency
 * @param rmseBins root mean square gap between mean predicted and actual recall, over bins of items alike in
 *                 interval, number of long-term reviews and lapses, each bin weighted by its items' recency
 *                 weights: how far the predictions are off on average for groups of similar reviews
 * @param items    number of items scored
 */
public record Metrics(double logLoss, double rmseBins, int items) {
}
