package org.quizcard.srs.fit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Small review logs for tests: each card a list of (day, rating) with reviews at noon UTC plus a minute each. */
final class Logs {

    static final Instant EPOCH = Instant.parse("2024-01-01T12:00:00Z");

    private Logs() {
    }

    /** A review of {@code card} on study day {@code day} (UTC, days starting at 4), {@code minute} minutes after noon. */
    static Review review(String card, int day, int minute, int rating) {
        return new Review(card, EPOCH.plusSeconds(day * 86_400L + minute * 60L), rating);
    }

    /** {@code cards} cards with the same (day, rating) pairs. */
    static List<Review> sameCards(int cards, int[][] dayRating) {
        List<Review> reviews = new ArrayList<>();
        for (int c = 0; c < cards; c++) {
            for (int i = 0; i < dayRating.length; i++) {
                reviews.add(review("c" + c, dayRating[i][0], i, dayRating[i][1]));
            }
        }
        return reviews;
    }

    static ReviewHistory history(List<Review> reviews) {
        return ReviewHistory.of(reviews, ZoneOffset.UTC, 4);
    }
}
