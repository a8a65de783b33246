package org.quizcard.store;

import java.time.Instant;
import java.util.Set;
import org.quizcard.srs.Card;
import org.quizcard.srs.Rating;

/**
 * One entry of the append-only review log: which card, what the question was, when, what the
 * learner answered, how it scored, the rating, the misconceptions revealed, how long it took,
 * and the card's scheduling state before and after.
 */
public record Review(long id, String card, String contentHash, Instant at, String response, double score,
                     Rating rating, Set<String> misconceptions, long millis, Card before, Card after, String source) {
    public Review {
        misconceptions = Set.copyOf(misconceptions);
    }
}
