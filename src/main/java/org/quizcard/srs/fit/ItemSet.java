package org.quizcard.srs.fit;

import java.util.Arrays;

/**
 * A set of items with their recency weights, grouped by card so that {@link CardModel} scores a card's items in
 * one pass.
 *
 * <p>The i-th of n items in time order weighs 0.25 + 0.75 (i / (n - 1))^3, as in fsrs-rs: recent reviews count up
 * to four times as much as old ones, since memory and habits drift.
 */
final class ItemSet {

    private final int size;
    private final double weightSum;
    private final int[] cards;
    private final int[] lengths;
    private final int[] itemCounts;
    private final double[] positionWeight;

    /**
     * Weighs {@code items} (review positions in time order), then keeps those of at most {@code maxLength}
     * reviews.
     */
    ItemSet(ReviewHistory h, int[] items, int maxLength) {
        positionWeight = new double[h.reviews()];
        int[] lastItem = new int[h.cards()];
        int[] counts = new int[h.cards()];
        Arrays.fill(lastItem, -1);
        double span = Math.max(1.0, items.length - 1.0);
        int kept = 0;
        double sum = 0;
        for (int i = 0; i < items.length; i++) {
            int p = items[i];
            if (h.itemLength(p) > maxLength) {
                continue;
            }
            double x = i / span;
            double weight = 0.25 + 0.75 * x * x * x;
            positionWeight[p] = weight;
            sum += weight;
            int card = h.cardOf(p);
            lastItem[card] = Math.max(lastItem[card], p);
            counts[card]++;
            kept++;
        }
        size = kept;
        weightSum = sum;
        int n = 0;
        for (int c = 0; c < h.cards(); c++) {
            n += lastItem[c] >= 0 ? 1 : 0;
        }
        cards = new int[n];
        lengths = new int[n];
        itemCounts = new int[n];
        int k = 0;
        for (int c = 0; c < h.cards(); c++) {
            if (lastItem[c] >= 0) {
                cards[k] = c;
                lengths[k] = lastItem[c] - h.cardStart(c) + 1;
                itemCounts[k] = counts[c];
                k++;
            }
        }
    }

    /** Number of items kept. */
    int size() {
        return size;
    }

    double weightSum() {
        return weightSum;
    }

    /** Number of cards with items. */
    int cardCount() {
        return cards.length;
    }

    /** The i-th card with items, in card order. */
    int card(int i) {
        return cards[i];
    }

    /** Reviews of the i-th card up to and including its last item. */
    int length(int i) {
        return lengths[i];
    }

    /** Items of the i-th card. */
    int items(int i) {
        return itemCounts[i];
    }

    /** Item weight by review position, 0 where there is no item. */
    double[] positionWeight() {
        return positionWeight;
    }
}
