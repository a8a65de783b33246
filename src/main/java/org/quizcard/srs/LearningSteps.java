package org.quizcard.srs;

import java.time.Duration;
import java.util.List;

/**
 * Precomputed answers of ts-fsrs's basic learning-steps strategy for one list of steps: Again restarts at the
 * first step, Hard repeats the current step after the mean of the first two steps (or 1.5 times a single step),
 * Good advances to the next step or graduates, Easy graduates.
 */
final class LearningSteps {

    private final StepOutcome[][] byStepAndRating;
    private final StepOutcome[] lapseByStep;

    /** Builds the tables for steps given as whole minutes. */
    LearningSteps(List<Duration> steps) {
        int count = steps.size();
        long[] minutes = steps.stream().mapToLong(Duration::toMinutes).toArray();
        byStepAndRating = new StepOutcome[count][];
        lapseByStep = new StepOutcome[count];
        if (count == 0) {
            return;
        }
        long hard = count == 1 ? Math.round(minutes[0] * 1.5) : Math.round((minutes[0] + minutes[1]) / 2.0);
        StepOutcome again = new StepOutcome.Delay(minutes[0], 0);
        for (int step = 0; step < count; step++) {
            StepOutcome good = step + 1 < count
                    ? new StepOutcome.Delay(minutes[step + 1], step + 1)
                    : StepOutcome.GRADUATE;
            byStepAndRating[step] = new StepOutcome[] {
                again, new StepOutcome.Delay(hard, step), good, StepOutcome.GRADUATE,
            };
            lapseByStep[step] = new StepOutcome.Delay(minutes[step], 0);
        }
    }

    /** The outcome for a new, learning or relearning card at {@code step}; past the last step everything graduates. */
    StepOutcome answer(int step, Rating rating) {
        return step < byStepAndRating.length ? byStepAndRating[step][rating.ordinal()] : StepOutcome.GRADUATE;
    }

    /** The outcome of Again for a review card (whose step is normally 0): the relearning step, or graduate if none. */
    StepOutcome lapse(int step) {
        return step < lapseByStep.length ? lapseByStep[step] : StepOutcome.GRADUATE;
    }
}
