package org.quizcard.srs.fit;

import java.time.Instant;
import java.util.Objects;

/**
 * One logged review: which card, when, and the rating given (1 again, 2 hard, 3 good, 4 easy).
 *
 * @param card  the card's id, any non-empty text
 * @param at    when the card was reviewed
 * @param rating the rating, 1 to 4
 */
public record Review(String card, Instant at, int rating) {

    /** Checks the fields. */
    public Review {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(at, "at");
        if (rating < 1 || rating > 4) {
            throw new IllegalArgumentException("rating must be 1 to 4, got " + rating);
        }
    }
}
