package org.quizcard.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.quizcard.QuizcardException;
import org.quizcard.srs.Card;

/**
 * Reviews from another tool's log (an Anki package's, brought in by {@code quizcard import
 * --with-history}) appended to the learner's log in one transaction: one prepared insert for all
 * of them, the card cache written once per card, from its last review.
 */
final class ImportedReviews {
    private ImportedReviews() {
    }

    static int append(ProgressStore store, Sql sql, List<Review> reviews) {
        return sql.inTransaction(() -> {
            Map<String, ProgressQueries.CardInfo> now = store.cards();
            try (PreparedStatement insert = sql.db.prepareStatement(ProgressStore.INSERT_REVIEW);
                 PreparedStatement lastId = sql.db.prepareStatement("SELECT last_insert_rowid()");
                 PreparedStatement revealed = sql.db.prepareStatement(
                         "INSERT INTO revealed (review_id, misconception) VALUES (?, ?)");
                 PreparedStatement card = sql.db.prepareStatement(ProgressStore.PUT_CARD)) {
                for (int i = 0; i < reviews.size(); i++) {
                    Review r = reviews.get(i);
                    boolean first = i == 0 || !reviews.get(i - 1).card().equals(r.card());
                    boolean last = i == reviews.size() - 1 || !reviews.get(i + 1).card().equals(r.card());
                    if (first) checkUnchanged(store, now.get(r.card()), r);
                    Sql.bind(insert, ProgressStore.reviewValues(r));
                    insert.executeUpdate();
                    if (!last && r.misconceptions().isEmpty()) continue;
                    long id;
                    try (ResultSet rs = lastId.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                    for (String m : r.misconceptions()) {
                        Sql.bind(revealed, id, m);
                        revealed.executeUpdate();
                    }
                    if (last) {
                        Sql.bind(card, r.card(), StoredCard.encode(r.after()), r.after().due().toEpochMilli(),
                                r.contentHash(), id);
                        card.executeUpdate();
                    }
                }
            }
            return reviews.size();
        });
    }

    /** Fails when a card's state is not the one its first imported review starts from (a session answered it meanwhile). */
    private static void checkUnchanged(ProgressStore store, ProgressQueries.CardInfo now, Review first) {
        Card state = now == null ? Card.NEW : now.state();
        if (!StoredCard.encode(state).equals(StoredCard.encode(first.before()))) {
            throw new QuizcardException(store.file() + ": " + first.card() + " was answered while its history was "
                    + "brought in; nothing was added (run the import again)", QuizcardException.FAILED);
        }
    }
}
