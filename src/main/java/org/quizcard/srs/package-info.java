/**
 * The FSRS-6 spaced-repetition scheduler: pure, allocation-light functions from a {@link org.quizcard.srs.Card},
 * a review time and a {@link org.quizcard.srs.Rating} to the next card, following the ts-fsrs 5 reference
 * implementation. Start with {@code new Fsrs(SchedulerConfig.defaults())}.
 */
package org.quizcard.srs;
