package org.quizcard.srs;

/**
 * What the (re)learning steps prescribe for one answer: wait a fixed delay, or leave the steps and let the
 * FSRS model pick a whole-day interval.
 */
sealed interface StepOutcome permits StepOutcome.Delay, StepOutcome.Graduate {

    /** Leave the steps: the card enters review with an interval from the memory model. */
    StepOutcome GRADUATE = new Graduate();

    /**
     * Show the card again after {@code minutes}; the card's step becomes {@code nextStep}. A delay of a day or more
     * moves the card to review (as ts-fsrs does) while keeping the fixed delay.
     */
    record Delay(long minutes, int nextStep) implements StepOutcome {
    }

    /** Leave the steps and graduate to review. */
    record Graduate() implements StepOutcome {
    }
}
