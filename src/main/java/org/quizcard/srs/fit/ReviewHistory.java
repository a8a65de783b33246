package org.quizcard.srs.fit;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * million reviews take tens of megabytes.
 */
public final class ReviewHistory {

    private final int[] cardStart;
    private final int[] cardOf;
    private final byte[] rating;
    private final int[] delta;
    private final int[] longTerm;
    private final int[] items;

    private ReviewHistory(int[] cardStart, int[] cardOf, byte[] rating, int[] delta, int[] longTerm, int[] items) {
        this.cardStart = cardStart;
        this.cardOf = cardOf;
        this.rating = rating;
        this.delta = delta;
        this.longTerm = longTerm;
        this.items = items;
    }

    /**
     * Arranges {@code reviews} (any order) by card and time, counting elapsed days in study days that start at
     * {@code dayStartHour} in {@code zone}, as the scheduler does.
     */
    public static ReviewHistory of(List<Review> reviews, ZoneId zone, int dayStartHour) {
        Objects.requireNonNull(reviews, "reviews");
        Fsrs days = new Fsrs(SchedulerConfig.defaults().withZone(zone).withDayStartHour(dayStartHour));
        int n = reviews.size();
        Map<String, Integer> ids = new HashMap<>();
        int[] card = new int[n];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = reviews.get(i).card();
            Integer id = ids.get(name);
            if (id == null) {
                id = names.size();
                ids.put(name, id);
                names.add(name);
            }
            card[i] = id;
        }
        int cards = names.size();
        int[] rank = rankByName(names);
        int[] cardStart = new int[cards + 1];
        for (int i = 0; i < n; i++) {
            cardStart[rank[card[i]] + 1]++;
        }
        for (int c = 0; c < cards; c++) {
            cardStart[c + 1] += cardStart[c];
        }
        int[] order = new int[n];
        int[] fill = Arrays.copyOf(cardStart, cards);
        for (int i = 0; i < n; i++) {
            order[fill[rank[card[i]]]++] = i;
        }
        Instant[] at = new Instant[n];
        int[] cardOf = new int[n];
        byte[] rating = new byte[n];
        int[] delta = new int[n];
        int[] longTerm = new int[n];
        for (int c = 0; c < cards; c++) {
            sortByTime(order, cardStart[c], cardStart[c + 1], reviews);
            long previousDay = 0;
            int longCount = 0;
            for (int p = cardStart[c]; p < cardStart[c + 1]; p++) {
                Review review = reviews.get(order[p]);
                long day = days.dayNumber(review.at());
                int elapsed = p == cardStart[c] ? 0 : (int) Math.max(0, Math.min(Integer.MAX_VALUE, day - previousDay));
                previousDay = day;
                if (elapsed > 0) {
                    longCount++;
                }
                at[p] = review.at();
                cardOf[p] = c;
                rating[p] = (byte) review.rating();
                delta[p] = elapsed;
                longTerm[p] = longCount;
            }
        }
        return new ReviewHistory(cardStart, cardOf, rating, delta, longTerm, itemsByTime(at, cardOf, delta, cardStart));
    }

    private static int[] rankByName(List<String> names) {
        Integer[] byName = new Integer[names.size()];
        for (int i = 0; i < byName.length; i++) {
            byName[i] = i;
        }
        Arrays.sort(byName, Comparator.comparing(names::get));
        int[] rank = new int[byName.length];
        for (int r = 0; r < byName.length; r++) {
            rank[byName[r]] = r;
        }
        return rank;
    }

    /** Stable sort of order[from, to) by review time; a card's reviews usually arrive sorted already. */
    private static void sortByTime(int[] order, int from, int to, List<Review> reviews) {
        boolean sorted = true;
        for (int p = from + 1; p < to && sorted; p++) {
            sorted = reviews.get(order[p - 1]).at().compareTo(reviews.get(order[p]).at()) <= 0;
        }
        if (sorted) {
            return;
        }
        Integer[] part = new Integer[to - from];
        for (int p = from; p < to; p++) {
            part[p - from] = order[p];
        }
        Arrays.sort(part, Comparator.comparing(i -> reviews.get(i).at()));
        for (int p = from; p < to; p++) {
            order[p] = part[p - from];
        }
    }

    private static int[] itemsByTime(Instant[] at, int[] cardOf, int[] delta, int[] cardStart) {
        int count = 0;
        for (int p = 0; p < delta.length; p++) {
            if (delta[p] > 0 && p != cardStart[cardOf[p]]) {
                count++;
            }
        }
        Integer[] found = new Integer[count];
        int k = 0;
        for (int p = 0; p < delta.length; p++) {
            if (delta[p] > 0 && p != cardStart[cardOf[p]]) {
                found[k++] = p;
            }
        }
        // positions are in card order, so a stable sort by time leaves ties in card order
        Arrays.sort(found, Comparator.comparing(p -> at[p]));
        int[] items = new int[count];
        for (int i = 0; i < count; i++) {
            items[i] = found[i];
        }
        return items;
    }

    /** Number of reviews. */
    public int reviews() {
        return rating.length;
    }

    /** Number of distinct cards. */
    public int cards() {
        return cardStart.length - 1;
    }

    /** Number of training items. */
    public int itemCount() {
        return items.length;
    }

    /** The items, as review positions in time order (a copy). */
    int[] items() {
        return items.clone();
    }

    int cardOf(int position) {
        return cardOf[position];
    }

    int cardStart(int card) {
        return cardStart[card];
    }

    int cardEnd(int card) {
        return cardStart[card + 1];
    }

    int rating(int position) {
        return rating[position];
    }

    int delta(int position) {
        return delta[position];
    }

    /** Reviews of the card up to and including this position that came on a later study day than the one before. */
    int longTermCount(int position) {
        return longTerm[position];
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
