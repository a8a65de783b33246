package org.quizcard.srs.fit;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.quizcard.srs.Fsrs;
import org.quizcard.srs.SchedulerConfig;

/**
 * A review log arranged for fitting: each card's reviews in time order with the study days elapsed before each,
 * and the training items.
 *
 * <p>An item is a review that comes at least one study day after the card's previous review; its history is
 * every earlier review of the card, same-day ones included. So a card reviewed n times gives at most n - 1
 * items, and reviews on the day of the previous one shape the memory state but are never predicted. This is how
 * fsrs-rs turns a review log into FSRS items. Items are ordered by review time (ties by card), which is the
 * order that recency weighting and time splits use.
 *
 * <p>Storage is a few primitive arrays indexed by position (card after card, each in time order), so that a
 * million reviews take tens of megabytes. The arrays are shared, not copied: nothing changes them.
 *
 * @param cardStart      the position of each card's first review, and the number of reviews last
 * @param cardOf         the card of each position
 * @param rating         the rating at each position
 * @param delta          the study days elapsed since the card's previous review (0 at its first)
 * @param longTermCount  reviews of the card up to and including each position that came on a later study day
 *                       than the one before
 * @param items          the items, as review positions in time order
 */
record ReviewHistory(int[] cardStart, int[] cardOf, byte[] rating, int[] delta, int[] longTermCount, int[] items) {

    /**
     * Arranges {@code reviews} (any order) by card and time, counting elapsed days in study days that start at
     * {@code dayStartHour} in {@code zone}, as the scheduler does.
     */
    static ReviewHistory of(List<Review> reviews, ZoneId zone, int dayStartHour) {
        Objects.requireNonNull(reviews, "reviews");
        Fsrs days = new Fsrs(SchedulerConfig.defaults().withZone(zone).withDayStartHour(dayStartHour));
        Map<String, List<Review>> byCard = new HashMap<>();
        for (Review review : reviews) {
            byCard.computeIfAbsent(review.card(), k -> new ArrayList<>()).add(review);
        }
        List<String> names = byCard.keySet().stream().sorted().toList();
        int n = reviews.size();
        int[] cardStart = new int[names.size() + 1];
        Instant[] at = new Instant[n];
        int[] cardOf = new int[n];
        byte[] rating = new byte[n];
        int[] delta = new int[n];
        int[] longTerm = new int[n];
        int p = 0;
        for (int c = 0; c < names.size(); c++) {
            List<Review> card = byCard.get(names.get(c));
            card.sort(Comparator.comparing(Review::at)); // stable: reviews at the same time keep their order
            cardStart[c] = p;
            long previousDay = days.dayNumber(card.get(0).at());
            int longCount = 0;
            for (Review review : card) {
                long day = days.dayNumber(review.at());
                int elapsed = (int) Math.max(0, Math.min(Integer.MAX_VALUE, day - previousDay));
                previousDay = day;
                if (elapsed > 0) {
                    longCount++;
                }
                at[p] = review.at();
                cardOf[p] = c;
                rating[p] = (byte) review.rating();
                delta[p] = elapsed;
                longTerm[p] = longCount;
                p++;
            }
        }
        cardStart[names.size()] = n;
        // positions are in card order, so a stable sort by time leaves ties in card order
        int[] items = IntStream.range(0, n).filter(q -> delta[q] > 0).boxed()
                .sorted(Comparator.comparing(q -> at[q])).mapToInt(Integer::intValue).toArray();
        return new ReviewHistory(cardStart, cardOf, rating, delta, longTerm, items);
    }

    /** Number of reviews. */
    int reviews() {
        return rating.length;
    }

    /** Number of distinct cards. */
    int cards() {
        return cardStart.length - 1;
    }

    /** Rating of the card's first review. */
    int firstRating(int position) {
        return rating[cardStart[cardOf[position]]];
    }

    /** Elapsed days of the card's first review on a later day (the first long-term review), 0 if none. */
    int firstLongTermDelta(int card) {
        for (int p = cardStart[card] + 1; p < cardStart[card + 1]; p++) {
            if (delta[p] > 0) {
                return delta[p];
            }
        }
        return 0;
    }

    /** Number of reviews in an item: its history plus the review itself. */
    int itemLength(int position) {
        return position - cardStart[cardOf[position]] + 1;
    }
}
