package org.quizcard.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.quizcard.QuizcardException;
import org.quizcard.srs.Card;
import org.quizcard.srs.Rating;

/**
 * The learner's progress in one SQLite file: an append-only review log that is never lost, and
 * a cache of each card's scheduling state derived from it. Every review is committed in its own
 * transaction (WAL, synchronous=FULL) before the caller goes on.
 */
public final class ProgressStore implements AutoCloseable {
    /** The file name under the quizcard home. */
    public static final String FILE = "progress.db";
    /** The schema version this build writes; older files are migrated, newer ones refused. */
    static final int SCHEMA_VERSION = 1;

    private static final String[] MIGRATIONS = {
        // version 1: the review log, revealed misconceptions, and the card cache
        """
        CREATE TABLE review (
            id INTEGER PRIMARY KEY,
            card TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            reviewed_at INTEGER NOT NULL,
            response TEXT NOT NULL,
            score REAL NOT NULL,
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
            misconceptions TEXT NOT NULL,
            millis INTEGER NOT NULL,
            state_before TEXT NOT NULL,
            state_after TEXT NOT NULL,
            source TEXT NOT NULL
        );
        CREATE INDEX review_card ON review (card, reviewed_at);
        CREATE INDEX review_time ON review (reviewed_at);
        CREATE TABLE revealed (
            review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
            misconception TEXT NOT NULL,
            PRIMARY KEY (review_id, misconception)
        );
        CREATE INDEX revealed_misconception ON revealed (misconception);
        CREATE TABLE card (
            card TEXT PRIMARY KEY,
            state TEXT NOT NULL,
            due INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            last_review_id INTEGER NOT NULL
        );
        CREATE INDEX card_due ON card (due);
        """,
    };

    private final Path file;
    private final Connection db;

    private ProgressStore(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /** Opens (creating when needed) {@code home/progress.db}, migrating it to the current schema. */
    public static ProgressStore open(Path home) {
        Path file = home.resolve(FILE);
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw QuizcardException.badInput("cannot create " + home + " (" + e.getMessage() + ")");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw QuizcardException.badInput(file + ": not a regular file");
        }
        Connection db = null;
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("PRAGMA foreign_keys = ON");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
            }
            ProgressStore store = new ProgressStore(file, db);
            store.migrate();
            return store;
        } catch (SQLException e) {
            closeQuietly(db);
            throw QuizcardException.badInput(file + ": cannot open the progress database (" + reason(e) + ")");
        } catch (RuntimeException e) {
            closeQuietly(db);
            throw e;
        }
    }

    private void migrate() throws SQLException {
        int version;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.getInt(1);
        }
        if (version > SCHEMA_VERSION) {
            throw QuizcardException.badInput(file + ": written by a newer quizcard (schema " + version
                    + ", this one knows " + SCHEMA_VERSION + "); upgrade quizcard, the file is left untouched");
        }
        if (version == 0) {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
                if (rs.getInt(1) > 0) {
                    throw QuizcardException.badInput(file + ": not a quizcard progress database (it has other tables);"
                            + " the file is left untouched");
                }
            }
        }
        for (int v = version; v < SCHEMA_VERSION; v++) {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                for (String sql : MIGRATIONS[v].split(";")) {
                    if (!sql.isBlank()) s.execute(sql);
                }
                s.execute("PRAGMA user_version = " + (v + 1));
                db.commit();
            } catch (SQLException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Appends a review and updates the card cache in one transaction, committed durably before
     * this returns. Returns the review's id.
     */
    public long record(Review r) {
        return inTransaction(() -> {
            long id;
            try (PreparedStatement ps = db.prepareStatement("""
                    INSERT INTO review (card, content_hash, reviewed_at, response, score, rating, misconceptions,
                                        millis, state_before, state_after, source)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, r.card());
                ps.setString(2, r.contentHash());
                ps.setLong(3, r.at().toEpochMilli());
                ps.setString(4, r.response());
                ps.setDouble(5, r.score());
                ps.setInt(6, r.rating().value());
                ps.setString(7, String.join(" ", r.misconceptions().stream().sorted().toList()));
                ps.setLong(8, r.millis());
                ps.setString(9, StoredCard.encode(r.before()));
                ps.setString(10, StoredCard.encode(r.after()));
                ps.setString(11, r.source());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO revealed (review_id, misconception) VALUES (?, ?)")) {
                for (String m : r.misconceptions()) {
                    ps.setLong(1, id);
                    ps.setString(2, m);
                    ps.executeUpdate();
                }
            }
            putCard(r.card(), r.after(), r.contentHash(), id);
            return id;
        });
    }

    /** Removes a review and restores the card to its state before it, in one transaction. */
    public void undo(long reviewId) {
        inTransaction(() -> {
            String card;
            Card before;
            try (PreparedStatement ps = db.prepareStatement("SELECT card, state_before FROM review WHERE id = ?")) {
                ps.setLong(1, reviewId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return null;
                    card = rs.getString(1);
                    before = StoredCard.decode(rs.getString(2));
                }
            }
            try (PreparedStatement ps = db.prepareStatement("DELETE FROM review WHERE id = ?")) {
                ps.setLong(1, reviewId);
                ps.executeUpdate();
            }
            Optional<Review> previous = lastReview(card);
            if (previous.isEmpty()) {
                try (PreparedStatement ps = db.prepareStatement("DELETE FROM card WHERE card = ?")) {
                    ps.setString(1, card);
                    ps.executeUpdate();
                }
            } else {
                putCard(card, before, previous.get().contentHash(), previous.get().id());
            }
            return null;
        });
    }

    private void putCard(String card, Card state, String hash, long reviewId) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("""
                INSERT INTO card (card, state, due, content_hash, last_review_id) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (card) DO UPDATE SET state = excluded.state, due = excluded.due,
                    content_hash = excluded.content_hash, last_review_id = excluded.last_review_id""")) {
            ps.setString(1, card);
            ps.setString(2, StoredCard.encode(state));
            ps.setLong(3, state.due().toEpochMilli());
            ps.setString(4, hash);
            ps.setLong(5, reviewId);
            ps.executeUpdate();
        }
    }

    /** The scheduling state of one card, if it was ever reviewed. */
    public Optional<Card> card(String card) {
        return query("SELECT state FROM card WHERE card = ?", ps -> ps.setString(1, card), rs -> StoredCard.decode(rs.getString(1)))
                .stream().findFirst();
    }

    /** Every reviewed card with its state and the content hash of its last review. */
    public Map<String, CardInfo> cards() {
        Map<String, CardInfo> cards = new HashMap<>();
        for (CardInfo c : query("SELECT card, state, content_hash FROM card", ps -> { },
                rs -> new CardInfo(rs.getString(1), StoredCard.decode(rs.getString(2)), rs.getString(3)))) {
            cards.put(c.card(), c);
        }
        return cards;
    }

    /** A card's cached state and the content hash of the question when it was last reviewed. */
    public record CardInfo(String card, Card state, String contentHash) { }

    /** The most recent review of a card. */
    public Optional<Review> lastReview(String card) {
        return query("SELECT * FROM review WHERE card = ? ORDER BY reviewed_at DESC, id DESC LIMIT 1",
                ps -> ps.setString(1, card), ProgressStore::review).stream().findFirst();
    }

    /** Reviews at or after {@code from}, oldest first, handed one at a time. */
    public void reviewsSince(Instant from, Consumer<Review> each) {
        String sql = "SELECT * FROM review WHERE reviewed_at >= ? ORDER BY reviewed_at, id";
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setLong(1, from.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) each.accept(review(rs));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** How many reviews the log holds. */
    public long reviewCount() {
        return query("SELECT count(*) FROM review", ps -> { }, rs -> rs.getLong(1)).get(0);
    }

    /** The first review time of each card, for counting new cards introduced per day. */
    public Map<String, Instant> firstReviews() {
        Map<String, Instant> first = new HashMap<>();
        query("SELECT card, min(reviewed_at) FROM review GROUP BY card", ps -> { },
                rs -> first.put(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))));
        return first;
    }

    /** The earliest due time among cards, if any card was ever reviewed. */
    public Optional<Instant> nextDue() {
        List<Instant> due = query("SELECT min(due) FROM card HAVING count(*) > 0", ps -> { },
                rs -> Instant.ofEpochMilli(rs.getLong(1)));
        return due.stream().findFirst();
    }

    /** How many times each card was rated Again, for cards rated Again at least {@code min} times. */
    public Map<String, Integer> againCounts(int min) {
        Map<String, Integer> counts = new HashMap<>();
        query("SELECT card, count(*) FROM review WHERE rating = 1 GROUP BY card HAVING count(*) >= ?",
                ps -> ps.setInt(1, min), rs -> counts.put(rs.getString(1), rs.getInt(2)));
        return counts;
    }

    /** The review times of the whole log, oldest first, handed one at a time (epoch milliseconds). */
    public void reviewTimes(java.util.function.LongConsumer each) {
        try (PreparedStatement ps = db.prepareStatement("SELECT reviewed_at FROM review ORDER BY reviewed_at");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) each.accept(rs.getLong(1));
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Every time a misconception was revealed: misconception id and review time, oldest first. */
    public List<Revealed> revealed() {
        return query("""
                SELECT m.misconception, r.reviewed_at, r.card FROM revealed m JOIN review r ON r.id = m.review_id
                ORDER BY r.reviewed_at, r.id""", ps -> { },
                rs -> new Revealed(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3)));
    }

    /** One revelation of a misconception by a review. */
    public record Revealed(String misconception, Instant at, String card) { }

    /** Right answers (score 1) to any of {@code cards} after {@code after}: their times, oldest first. */
    public List<Instant> rightAnswersAfter(Set<String> cards, Instant after) {
        if (cards.isEmpty()) return List.of();
        String marks = String.join(",", java.util.Collections.nCopies(cards.size(), "?"));
        List<String> list = new ArrayList<>(new LinkedHashSet<>(cards));
        return query("SELECT reviewed_at FROM review WHERE score >= 1 AND reviewed_at > ? AND card IN (" + marks
                + ") ORDER BY reviewed_at", ps -> {
                    ps.setLong(1, after.toEpochMilli());
                    for (int i = 0; i < list.size(); i++) ps.setString(i + 2, list.get(i));
                }, rs -> Instant.ofEpochMilli(rs.getLong(1)));
    }

    private static Review review(ResultSet rs) throws SQLException {
        String misconceptions = rs.getString("misconceptions");
        Set<String> ids = misconceptions.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(misconceptions.split(" ")));
        return new Review(rs.getLong("id"), rs.getString("card"), rs.getString("content_hash"),
                Instant.ofEpochMilli(rs.getLong("reviewed_at")), rs.getString("response"), rs.getDouble("score"),
                Rating.of(rs.getInt("rating")), ids, rs.getLong("millis"),
                StoredCard.decode(rs.getString("state_before")), StoredCard.decode(rs.getString("state_after")),
                rs.getString("source"));
    }

    /** SQL work that may fail. */
    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Binds parameters. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Binder binder, RowReader<T> reader) {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            binder.bind(ps);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(reader.read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private <T> T inTransaction(Work<T> work) {
        try {
            db.setAutoCommit(false);
            try {
                T result = work.run();
                db.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private QuizcardException failure(SQLException e) {
        return new QuizcardException(file + ": " + reason(e), QuizcardException.BAD_INPUT, e);
    }

    private static String reason(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.replaceFirst("^\\[[A-Z_]+\\]\\s*", "").replaceAll("\\s+", " ").strip();
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing; the first error is the one to report
        }
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw failure(e);
        }
    }
}
