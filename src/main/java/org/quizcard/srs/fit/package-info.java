/**
 * Fits the 21 FSRS-6 weights to a learner's review log and scores weight sets on it. Start with
 * {@link org.quizcard.srs.fit.Optimizer#fit}. The algorithm follows fsrs-rs (item building, outlier filter,
 * pre-training, regularised Adam training) and the metrics follow the FSRS benchmark; all arithmetic uses
 * {@link java.lang.StrictMath} and a fixed shuffle seed, so the same log gives the same weights everywhere.
 */
package org.quizcard.srs.fit;
