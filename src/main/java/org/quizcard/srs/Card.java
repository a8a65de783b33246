package org.quizcard.srs;

import java.time.Instant;
import java.util.Objects;

/**
 * The scheduling state of one flashcard; {@link Fsrs#review} turns a card and a rating into the next card.
 *
 * @param state         scheduling phase
 * @param stability     FSRS stability in days (0 for a new card)
 * @param difficulty    FSRS difficulty in [1, 10] (0 for a new card)
 * @param step          index of the current (re)learning step
 * @param scheduledDays whole days from the last review to {@code due} (0 while in short learning steps)
 * @param reps          number of reviews so far
 * @param lapses        number of times the card was forgotten while in review
 * @param lastReview    time of the last review, or {@code null} for a new card
 * @param due           time the card is next due
 */
public record Card(
        CardState state,
        double stability,
        double difficulty,
        int step,
        int scheduledDays,
        int reps,
        int lapses,
        Instant lastReview,
        Instant due) {

    /** A never-reviewed card that is due immediately. */
    public static final Card NEW = new Card(CardState.NEW, 0, 0, 0, 0, 0, 0, null, Instant.EPOCH);

    /** Checks for nulls, negative counters and non-finite or negative memory values. */
    public Card {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(due, "due");
        if (!(stability >= 0) || !Double.isFinite(stability)) {
            throw new IllegalArgumentException("stability must be finite and >= 0, got " + stability);
        }
        if (!(difficulty >= 0) || !Double.isFinite(difficulty)) {
            throw new IllegalArgumentException("difficulty must be finite and >= 0, got " + difficulty);
        }
        if (step < 0 || scheduledDays < 0 || reps < 0 || lapses < 0) {
            throw new IllegalArgumentException("step, scheduledDays, reps and lapses must be >= 0, got "
                    + step + ", " + scheduledDays + ", " + reps + ", " + lapses);
        }
    }
}
