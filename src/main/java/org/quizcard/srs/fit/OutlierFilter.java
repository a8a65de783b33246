package org.quizcard.srs.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The filter fsrs-rs applies before fitting, on the first long-term review of each card.
 *
 * <p>Items whose history holds no earlier long-term review are grouped by the card's first rating and by the days
 * before that first long-term review. Within each first rating, the rarest groups (smallest first, at equal size
 * the shortest interval first) are dropped until the next group would bring the dropped count to 5% of the
 * rating's items or 20, whichever is more; of the rest, a group is kept only if it has at least 6 items and its
 * interval is at most 100 days (365 after an easy first rating). A card whose (first rating, first interval) pair
 * was dropped loses all its items. The kept groups are also the data of {@link Pretraining}.
 */
final class OutlierFilter {

    /**
     * The items kept for pre-training (in group order: by first rating, then groups by ascending size and
     * interval, each in time order) and for training (in time order).
     */
    record Split(int[] initialization, int[] training) {

        /**
         * The order in which fsrs-rs's evaluation (as its Node binding runs it) scores items: the kept items
         * with one long-term review, as pre-training groups them, then the surviving items with more, in time
         * order.
         */
        int[] evaluationOrder(ReviewHistory h) {
            return IntStream.concat(Arrays.stream(initialization),
                    Arrays.stream(training).filter(p -> h.longTermCount()[p] > 1)).toArray();
        }
    }

    private OutlierFilter() {
    }

    static Split apply(ReviewHistory history, int[] items) {
        Map<Integer, Map<Integer, List<Integer>>> groups = new HashMap<>();
        for (int p : items) {
            if (history.longTermCount()[p] == 1) {
                groups.computeIfAbsent(history.firstRating(p), k -> new TreeMap<>())
                        .computeIfAbsent(history.delta()[p], k -> new ArrayList<>()).add(p);
            }
        }
        List<Set<Integer>> removed = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int r = 0; r <= 4; r++) {
            removed.add(filterRating(r, groups.getOrDefault(r, Map.of()), kept));
        }
        int[] initialization = kept.stream().mapToInt(Integer::intValue).toArray();
        int[] training = Arrays.stream(items).filter(p -> !removed.get(history.firstRating(p))
                .contains(history.firstLongTermDelta(history.cardOf()[p]))).toArray();
        return new Split(initialization, training);
    }

    private static Set<Integer> filterRating(int rating, Map<Integer, List<Integer>> byDelta, List<Integer> kept) {
        Set<Integer> removed = new HashSet<>();
        List<Map.Entry<Integer, List<Integer>>> ascending = new ArrayList<>(byDelta.entrySet());
        ascending.sort(Comparator.comparingInt((Map.Entry<Integer, List<Integer>> g) -> g.getValue().size())
                .thenComparing(Map.Entry::getKey));
        int total = byDelta.values().stream().mapToInt(List::size).sum();
        int quota = Math.max(20, total / 20);
        int dropped = 0;
        int longest = rating == 4 ? 365 : 100;
        for (Map.Entry<Integer, List<Integer>> group : ascending) {
            int size = group.getValue().size();
            if (dropped + size >= quota) {
                if (size >= 6 && group.getKey() <= longest) {
                    kept.addAll(group.getValue());
                } else {
                    removed.add(group.getKey());
                }
            } else {
                dropped += size;
                removed.add(group.getKey());
            }
        }
        return removed;
    }
}
