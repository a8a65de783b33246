package org.quizcard.study;

import org.quizcard.srs.Rating;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.quizcard.bank.Question;
import org.quizcard.check.Response;
import org.quizcard.check.Verdict;

/**
 * Where a session puts each answer before it shows the next question: the progress store, or
 * nowhere for practice that must not touch the schedule.
 */
public interface ReviewSink {
    /** One answered question, as the session hands it over. */
    record Answered(Question question, Response response, Verdict verdict, Rating rating,
                    Set<String> misconceptions, long millis, Instant at) { }

    /** Records an answer durably; returns a handle for {@link #undo}. */
    long record(Answered answered);

    /**
     * Changes the rating of a recorded answer, durably, as if it had been recorded with it; a sink
     * that keeps no rating has nothing to change.
     */
    default void rerate(long handle, Answered answered) {
    }

    /**
     * Removes a recorded answer, restoring what it changed; a sink that keeps nothing has nothing
     * to remove.
     */
    default void undo(long handle) {
    }

    /** When {@code question} would be due next after each rating, answered at {@code at}; empty when nothing is scheduled. */
    default Map<Rating, Instant> preview(Question question, Instant at) {
        return Map.of();
    }

    /** A sink that keeps nothing. */
    ReviewSink NONE = answered -> 0;
}
