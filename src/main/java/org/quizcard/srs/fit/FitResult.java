package org.quizcard.srs.fit;

/**
 * The outcome of {@link Optimizer#fit}.
 *
 * @param weights the 21 fitted weights (the defaults when there is too little data)
 * @param reviews number of reviews in the log
 * @param items   number of items (reviews at least a study day after the card's previous one) in the log
 * @param before  the default weights scored on the log as {@link Evaluation#evaluate} does, null with no items
 * @param after   the fitted weights scored likewise
 * @param health  whether fitting pays off on reviews it did not see, with advice
 */
public record FitResult(double[] weights, int reviews, int items, Metrics before, Metrics after, Health health) {

    /** Copies the weights. */
    public FitResult {
        weights = weights.clone();
    }

    /** The fitted weights (a copy). */
    @Override
    public double[] weights() {
        return weights.clone();
    }
}
