package org.quizcard.exchange.anki;

import java.util.List;
import org.quizcard.store.anki.AnkiRecords.Revlog;

/**
 * Which rows of one card's Anki review log count as its history, by the rules FSRS tools apply
 * to Anki logs:
 *
 * <ul>
 *   <li>cram rows (type 3, filtered deck, with factor 0: reviews that did not reschedule) are dropped;
 *   <li>manual rows (type 4: set due date, forget, reset) and every row without a button pressed
 *       (ease 0, such as type 5, rescheduled) are dropped;
 *   <li>the history starts at the card's last first learning step: walking back from the newest
 *       row, the earliest learning row (type 0) of the last unbroken run of learning rows; a reset
 *       (type 4 with factor 0) before it, or any other row, ends the run. A card with no
 *       learning row (its earlier log lost, or cut at a reset) starts at its first rated row
 *       after the last reset.
 * </ul>
 */
final class AnkiHistory {
    private static final int LEARNING = 0;
    private static final int FILTERED = 3;
    private static final int MANUAL = 4;

    private AnkiHistory() {
    }

    /** The rows of one card's log, oldest first, that are its history; {@code rows} must be oldest first. */
    static List<Revlog> kept(List<Revlog> rows) {
        int start = -1;
        int firstRatedAfterReset = -1;
        for (int i = rows.size() - 1; i >= 0; i--) {
            Revlog r = rows.get(i);
            if (cram(r)) continue;
            if (reset(r)) break;
            if (r.ease() > 0) firstRatedAfterReset = i;
            if (r.ease() > 0 && r.type() == LEARNING) {
                start = i;
            } else if (start >= 0) {
                break;
            }
        }
        if (start < 0) start = firstRatedAfterReset;
        if (start < 0) return List.of();
        return rows.subList(start, rows.size()).stream()
                .filter(r -> r.ease() >= 1 && r.ease() <= 4 && r.type() != MANUAL && !cram(r)).toList();
    }

    private static boolean cram(Revlog r) {
        return r.type() == FILTERED && r.factor() == 0;
    }

    private static boolean reset(Revlog r) {
        return r.type() == MANUAL && r.factor() == 0;
    }
}
