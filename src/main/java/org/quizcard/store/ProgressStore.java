package org.quizcard.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quizcard.QuizcardException;
import org.quizcard.WriteProblem;
import org.quizcard.srs.Card;
import org.quizcard.srs.Rating;

/**
 * The learner's progress in one SQLite file, opened for writing: an append-only review log that
 * is never lost, and a cache of each card's scheduling state derived from it. Every review is
 * committed in its own transaction (WAL, synchronous=FULL) before the caller goes on. The schema
 * and its migrations live here; the read queries are {@link ProgressQueries}'.
 */
public final class ProgressStore extends ProgressQueries {
    /** The file name under the quizcard home. */
    public static final String FILE = "progress.db";
    /** The schema version this build writes; older files are migrated, newer ones refused. */
    static final int SCHEMA_VERSION = 2;

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
        // version 2: weight sets fitted to the learner's log (quizcard optimize), each kept; the
        // active one, if any, schedules their reviews, else the FSRS-6 defaults do
        """
        CREATE TABLE weights (
            id INTEGER PRIMARY KEY,
            fitted_at INTEGER NOT NULL,
            weights TEXT NOT NULL,
            reviews INTEGER NOT NULL,
            log_loss REAL NOT NULL,
            rmse_bins REAL NOT NULL,
            active INTEGER NOT NULL CHECK (active IN (0, 1))
        );
        """,
    };

    /** The SQL of migration {@code v} (to version {@code v + 1}), for tests that make an older log. */
    static String migrationForTests(int v) {
        return MIGRATIONS[v];
    }

    private ProgressStore(Sql sql) {
        super(sql);
    }

    /** Opens (creating when needed) {@code home/progress.db}, migrating it to the current schema. */
    public static ProgressStore open(Path home) {
        Path file = home.resolve(FILE);
        try {
            if (!Files.isDirectory(home)) FileModes.privateDirectory(home);
            // created private: SQLite gives its journals the same mode
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) FileModes.createPrivateFile(file);
        } catch (IOException e) {
            throw QuizcardException.badInput(file + ": cannot create the progress database ("
                    + WriteProblem.cause(file, e) + ")");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw QuizcardException.badInput(file + ": not a regular file");
        }
        Connection db = null;
        try {
            db = Sql.connect(file);
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + Sql.BUSY_TIMEOUT_MILLIS);
                s.execute("PRAGMA foreign_keys = ON");
                Sql.writeAheadLog(s);
                s.execute("PRAGMA synchronous = FULL");
            }
            migrate(db, file);
            addQueryIndexes(db);
            return new ProgressStore(new Sql(file, db));
        } catch (SQLException e) {
            // SQLite's "read-only" and "cannot open" do not say which file refused: the home or the database
            int code = e.getErrorCode() & 0xff;
            Optional<String> unwritable = code == 8 || code == 14 ? WriteProblem.unwritable(home)
                    .or(() -> Files.isWritable(file) ? Optional.empty() : Optional.of("the file is not writable"))
                    : Optional.empty();
            if (unwritable.isEmpty()) throw Sql.failedOpen(file, db, e);
            Sql.closeQuietly(db);
            throw QuizcardException.badInput(file + ": cannot open the progress database for writing ("
                    + unwritable.get() + ")");
        } catch (RuntimeException e) {
            throw Sql.failedOpen(file, db, e);
        }
    }

    /** Brings the database {@code db} (read from {@code file}) to the current schema. */
    static void migrate(Connection db, Path file) throws SQLException {
        if (checkedVersion(db, file) == SCHEMA_VERSION) return;
        // Two sessions may open a new file at once: take the write lock, then look again, so
        // that only one of them creates the schema.
        try (Statement s = db.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                for (int v = checkedVersion(db, file); v < SCHEMA_VERSION; v++) {
                    runMigration(s, v);
                    s.execute("PRAGMA user_version = " + (v + 1));
                }
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }

    /** Runs the statements of migration {@code v}, to version {@code v + 1}. */
    private static void runMigration(Statement s, int v) throws SQLException {
        for (String sql : MIGRATIONS[v].split(";")) {
            if (!sql.isBlank()) s.execute(sql);
        }
    }

    /** The file's schema version, refusing a newer schema and a foreign database. */
    static int checkedVersion(Connection db, Path file) throws SQLException {
        int version;
        int tables;
        // one statement, so both are read from the same snapshot while another session migrates
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT (SELECT user_version FROM pragma_user_version),"
                        + " (SELECT count(*) FROM sqlite_master WHERE type = 'table')")) {
            version = rs.getInt(1);
            tables = rs.getInt(2);
        }
        if (version > SCHEMA_VERSION) {
            throw QuizcardException.badInput(file + ": written by a newer quizcard (schema " + version
                    + ", this one knows " + SCHEMA_VERSION + "); upgrade quizcard, the file is left untouched");
        }
        if (version == 0 && tables > 0) {
            throw QuizcardException.badInput(file + ": not a quizcard progress database (it has other tables);"
                    + " the file is left untouched");
        }
        return version;
    }

    /**
     * Partial indexes that keep {@code stats} fast on long logs (leeches, misconception evidence):
     * small (only Again reviews, only reviews revealing a misconception), made once on the first
     * open of a log without them, and outside the schema version, so older quizcards read the file
     * as before. A log that cannot take them (read-only) works without them.
     */
    private static void addQueryIndexes(Connection db) {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE INDEX IF NOT EXISTS review_again ON review (card) WHERE rating = 1");
            s.execute("CREATE INDEX IF NOT EXISTS review_revealed_by ON review (misconceptions, reviewed_at)"
                    + " WHERE misconceptions <> ''");
            // the index revelations() used until it read the review's own list of misconceptions
            s.execute("DROP INDEX IF EXISTS review_revealing");
        } catch (SQLException e) {
            // slower queries, same answers
        }
    }

    /**
     * What makes a database other than one quizcard wrote, or null when it is one: its tables
     * must be exactly those of its schema version, with the same definitions, its indexes must be
     * on them, and it must have no triggers and no views. A trigger in a restored file could
     * delete every later answer; a changed table could refuse them.
     */
    static String schemaProblem(Connection c, int version) throws SQLException {
        Map<String, String> expected = new HashMap<>();
        try (Connection reference = Sql.connect(Path.of(":memory:")); Statement s = reference.createStatement()) {
            for (int v = 0; v < version; v++) runMigration(s, v);
            try (ResultSet rs = s.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) expected.put(rs.getString(1), squeezed(rs.getString(2)));
            }
        }
        Set<String> tables = new HashSet<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master")) {
            while (rs.next()) {
                String type = rs.getString(1);
                String name = rs.getString(2);
                switch (type) {
                    case "table" -> {
                        if (name.startsWith("sqlite_")) continue;
                        if (!squeezed(rs.getString(4)).equals(expected.get(name))) return "a table quizcard did not write: " + name;
                        tables.add(name);
                    }
                    case "index" -> {
                        if (!expected.containsKey(rs.getString(3))) return "an index on a table quizcard did not write: " + name;
                    }
                    default -> {
                        return "a " + type + " (" + name + "), which quizcard never writes";
                    }
                }
            }
        }
        return tables.equals(expected.keySet()) ? null : "tables missing: " + String.join(", ",
                expected.keySet().stream().filter(t -> !tables.contains(t)).sorted().toList());
    }

    private static String squeezed(String sql) {
        return sql == null ? "" : sql.replaceAll("\\s+", " ").strip();
    }

    /** SQLite's quick check of the whole file: null when it is intact, else the first problem found. */
    public String quickCheck() {
        try (Statement s = sql.db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            String result = rs.next() ? rs.getString(1) : "no answer";
            return "ok".equals(result) ? null : result;
        } catch (SQLException e) {
            return Sql.reason(e);
        }
    }

    /**
     * Writes a consistent copy of the whole database to {@code target} with SQLite's online
     * backup, which other connections may keep writing through.
     */
    public void backupTo(Path target) {
        String name = target.toAbsolutePath().toString();
        if (name.indexOf('"') >= 0) {
            throw QuizcardException.badInput(target + ": a backup path must not contain '\"'");
        }
        try (Statement s = sql.db.createStatement()) {
            s.executeUpdate("backup to \"" + name + "\"");
        } catch (SQLException e) {
            throw sql.failure(e);
        }
    }

    /** Appends a review to the log, with {@link #reviewValues} bound. */
    static final String INSERT_REVIEW = """
            INSERT INTO review (card, content_hash, reviewed_at, response, score, rating, misconceptions,
                                millis, state_before, state_after, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** A review's values in {@link #INSERT_REVIEW}'s order. */
    static Object[] reviewValues(Review r) {
        String misconceptions = String.join(" ", r.misconceptions().stream().sorted().toList());
        return new Object[] {r.card(), r.contentHash(), r.at().toEpochMilli(), r.response(), r.score(),
            r.rating().value(), misconceptions, r.millis(), StoredCard.encode(r.before()),
            StoredCard.encode(r.after()), r.source()};
    }

    /**
     * Appends a review and updates the card cache in one transaction, committed durably before
     * this returns. Returns the review's id.
     */
    public long record(Review r) {
        return sql.inTransaction(() -> {
            long id = sql.insert(INSERT_REVIEW, reviewValues(r));
            for (String m : r.misconceptions()) {
                sql.update("INSERT INTO revealed (review_id, misconception) VALUES (?, ?)", id, m);
            }
            putCard(r.card(), r.after(), r.contentHash(), id);
            return id;
        });
    }

    /**
     * Appends reviews from another tool's log (several cards, each card's reviews together and in
     * time order, the first starting from the card's state now) and updates the card cache, all in one transaction
     * committed before this returns. Fails, adding nothing, when a card's state is no longer the
     * one its first review starts from (a session answered it meanwhile). Returns how many were added.
     */
    public int recordAll(List<Review> reviews) {
        return ImportedReviews.append(this, sql, reviews);
    }

    /**
     * Keeps a fitted weight set and makes it the active one, in one transaction committed before
     * this returns; the sets before it stay, to be restored. Returns its id.
     */
    public long saveWeights(WeightSet set) {
        return sql.inTransaction(() -> {
            sql.update("UPDATE weights SET active = 0 WHERE active = 1");
            return sql.insert("INSERT INTO weights (fitted_at, weights, reviews, log_loss, rmse_bins, active)"
                    + " VALUES (?, ?, ?, ?, ?, 1)", set.fittedAt().toEpochMilli(), WeightSet.encode(set.weights()),
                    set.reviews(), set.logLoss(), set.rmseBins());
        });
    }

    /**
     * Makes the kept weight set {@code id} the active one, or, for 0, none (the FSRS-6 defaults).
     * Returns false, changing nothing, when there is no such set.
     */
    public boolean activateWeights(long id) {
        return sql.inTransaction(() -> {
            if (id != 0 && sql.query("SELECT id FROM weights WHERE id = ?", rs -> 1, id).isEmpty()) return false;
            sql.update("UPDATE weights SET active = (id = ?)", id);
            return true;
        });
    }

    /**
     * Changes the rating of a recorded review, and the state it led to, in one transaction
     * committed before this returns: the learner's change of rating after the feedback is as
     * durable as the answer. The card follows when this review is still its last.
     */
    public void rerate(long reviewId, Rating rating, Card after) {
        sql.inTransaction(() -> {
            sql.update("UPDATE review SET rating = ?, state_after = ? WHERE id = ?",
                    rating.value(), StoredCard.encode(after), reviewId);
            sql.update("UPDATE card SET state = ?, due = ? WHERE last_review_id = ?",
                    StoredCard.encode(after), after.due().toEpochMilli(), reviewId);
            return null;
        });
    }

    /** Removes a review and restores the card to its state before it, in one transaction. */
    public void undo(long reviewId) {
        sql.inTransaction(() -> {
            List<Map.Entry<String, Card>> undone = sql.query("SELECT card, state_before FROM review WHERE id = ?",
                    rs -> Map.entry(rs.getString(1), StoredCard.decode(rs.getString(2))), reviewId);
            if (undone.isEmpty()) return null;
            String card = undone.get(0).getKey();
            sql.update("DELETE FROM review WHERE id = ?", reviewId);
            Optional<Review> previous = lastReview(card);
            if (previous.isEmpty()) {
                sql.update("DELETE FROM card WHERE card = ?", card);
            } else {
                putCard(card, undone.get(0).getValue(), previous.get().contentHash(), previous.get().id());
            }
            return null;
        });
    }

    /** Writes a card's cached state: its state and due time after its last review, and that review. */
    static final String PUT_CARD = """
            INSERT INTO card (card, state, due, content_hash, last_review_id) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (card) DO UPDATE SET state = excluded.state, due = excluded.due,
                content_hash = excluded.content_hash, last_review_id = excluded.last_review_id""";

    private void putCard(String card, Card state, String hash, long reviewId) throws SQLException {
        sql.update(PUT_CARD, card, StoredCard.encode(state), state.due().toEpochMilli(), hash, reviewId);
    }

}
