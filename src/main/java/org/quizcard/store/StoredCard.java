package org.quizcard.store;

import java.time.Instant;
import org.quizcard.srs.Card;
import org.quizcard.srs.CardState;

/** Writes a scheduler {@link Card} as one line of text for the log's before/after columns, and back. */
final class StoredCard {
    private StoredCard() {
    }

    static String encode(Card c) {
        return c.state().csvName() + "|" + c.stability() + "|" + c.difficulty() + "|" + c.step() + "|"
                + c.scheduledDays() + "|" + c.reps() + "|" + c.lapses() + "|"
                + (c.lastReview() == null ? "" : c.lastReview().toEpochMilli()) + "|" + c.due().toEpochMilli();
    }

    static Card decode(String s) {
        String[] f = s.split("\\|", -1);
        if (f.length != 9) throw new IllegalArgumentException("not a stored card state: " + s);
        return new Card(CardState.fromCsvName(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5]), Integer.parseInt(f[6]),
                f[7].isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(f[7])), Instant.ofEpochMilli(Long.parseLong(f[8])));
    }
}
