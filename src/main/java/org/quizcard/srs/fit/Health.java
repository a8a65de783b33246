package org.quizcard.srs.fit;

/**
 * Whether fitted weights would serve the learner better than the defaults, judged out of sample: weights fitted
 * on the earlier part of the log are scored against the defaults on its latest part, which they did not see.
 *
 * @param verdict         the judgement
 * @param trainingItems   items the held-out check fitted on
 * @param heldOutItems    the latest items, kept out of that fit and scored
 * @param heldOutDefaults the defaults scored on the held-out items, null when the check did not run
 * @param heldOutFitted   the weights fitted without them, scored on them, null when the check did not run
 * @param message         one or two sentences for the learner: what the result means and what to do
 */
public record Health(Verdict verdict, int trainingItems, int heldOutItems, Metrics heldOutDefaults,
                     Metrics heldOutFitted, String message) {

    /** The judgement of a {@link Health} check. */
    public enum Verdict {
        /** Fitted weights predict the held-out reviews better than the defaults: use them. */
        BETTER,
        /** They do not: keep the defaults for now. */
        NOT_BETTER,
        /** Too few reviews to fit all weights or to judge. */
        TOO_LITTLE_DATA
    }
}
