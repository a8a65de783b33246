package org.quizcard.srs.fit;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A set of items with their recency weights, grouped by card so that {@link CardModel} scores a card's items in
 * one pass.
 *
 * <p>The i-th of n items in time order weighs 0.25 + 0.75 (i / (n - 1))^3, as in fsrs-rs: recent reviews count up
 * to four times as much as old ones, since memory and habits drift.
 *
 * @param size           number of items kept
 * @param weightSum      the sum of their weights
 * @param cards          the cards with items, in card order
 * @param lengths        reviews of each of those cards up to and including its last item
 * @param itemCounts     items of each of those cards
 * @param positionWeight item weight by review position, 0 where there is no item
 */
record ItemSet(int size, double weightSum, int[] cards, int[] lengths, int[] itemCounts, double[] positionWeight) {

    /**
     * Weighs {@code items} (review positions in time order), then keeps those of at most {@code maxLength}
     * reviews.
     */
    static ItemSet of(ReviewHistory h, int[] items, int maxLength) {
        double[] positionWeight = new double[h.reviews()];
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
            int card = h.cardOf()[p];
            lastItem[card] = Math.max(lastItem[card], p);
            counts[card]++;
            kept++;
        }
        int[] cards = IntStream.range(0, h.cards()).filter(c -> lastItem[c] >= 0).toArray();
        return new ItemSet(kept, sum, cards,
                Arrays.stream(cards).map(c -> lastItem[c] - h.cardStart()[c] + 1).toArray(),
                Arrays.stream(cards).map(c -> counts[c]).toArray(), positionWeight);
    }
}
