package org.quizcard.store.anki;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.quizcard.QuizcardException;
import org.quizcard.store.Sql;
import org.sqlite.SQLiteConfig;

/**
 * Writes an Anki collection in schema 11, the {@code collection.anki2} of a legacy package that
 * every Anki version and every third-party reader opens: the tables and indexes of Anki's
 * published schema, the one {@code col} row holding the note types, decks and deck options as
 * JSON, and new notes and cards. The review log and the deletions ({@code revlog}, {@code graves})
 * stay empty. Everything is written in one transaction; the file is complete once {@link #close}
 * returns.
 */
public final class AnkiCollectionWriter implements AutoCloseable {
    /** The {@code col} row: creation day (seconds), modification (milliseconds) and the JSON columns. */
    public record Collection(long createdSeconds, long modifiedMillis, String conf, String models, String decks,
                             String deckOptions, String tags) { }

    /** A note: {@code fields} joined by U+001F, {@code tags} space-separated with a space at each end. */
    public record Note(long id, String guid, long noteType, long modifiedSeconds, String tags, String fields,
                       String sortField, long checksum) { }

    /** A new card of a note: {@code ord} its template (or cloze number minus one), {@code due} its position. */
    public record Card(long id, long note, long deck, int ord, long modifiedSeconds, long due) { }

    private static final String[] SCHEMA = {
        "CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL, "
            + "ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, "
            + "conf text NOT NULL, models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL)",
        "CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL, "
            + "usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, "
            + "csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL)",
        "CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL, "
            + "mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, "
            + "due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL, "
            + "lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL, "
            + "flags integer NOT NULL, data text NOT NULL)",
        "CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL, "
            + "ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, "
            + "type integer NOT NULL)",
        "CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL)",
        "CREATE INDEX ix_notes_usn ON notes (usn)",
        "CREATE INDEX ix_cards_usn ON cards (usn)",
        "CREATE INDEX ix_revlog_usn ON revlog (usn)",
        "CREATE INDEX ix_cards_nid ON cards (nid)",
        "CREATE INDEX ix_cards_sched ON cards (did, queue, due)",
        "CREATE INDEX ix_revlog_cid ON revlog (cid)",
        "CREATE INDEX ix_notes_csum ON notes (csum)",
    };

    /** The schema version Anki reads a legacy collection by. */
    public static final int VERSION = 11;

    private final Path file;
    private final Connection db;
    private final PreparedStatement col;
    private final PreparedStatement notes;
    private final PreparedStatement cards;

    private AnkiCollectionWriter(Path file, Connection db) throws SQLException {
        this.file = file;
        this.db = db;
        try (Statement s = db.createStatement()) {
            for (String sql : SCHEMA) s.execute(sql);
        }
        db.setAutoCommit(false);
        col = db.prepareStatement("INSERT INTO col VALUES (1, ?, ?, ?, " + VERSION + ", 0, 0, 0, ?, ?, ?, ?, ?)");
        notes = db.prepareStatement("INSERT INTO notes VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, 0, '')");
        cards = db.prepareStatement("INSERT INTO cards VALUES (?, ?, ?, ?, ?, 0, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')");
    }

    /** A new collection in {@code file}, which must not exist yet. */
    public static AnkiCollectionWriter create(Path file) {
        if (Files.exists(file)) throw new IllegalArgumentException(file + " exists already");
        Connection db = null;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.DELETE);
            db = Sql.connect(file.toString(), config);
            return new AnkiCollectionWriter(file, db);
        } catch (SQLException e) {
            Sql.closeQuietly(db);
            throw failure(file, e);
        }
    }

    public void collection(Collection c) {
        insert(col, c.createdSeconds(), c.modifiedMillis(), c.modifiedMillis(), c.conf(), c.models(), c.decks(),
                c.deckOptions(), c.tags());
    }

    public void note(Note n) {
        insert(notes, n.id(), n.guid(), n.noteType(), n.modifiedSeconds(), n.tags(), n.fields(), n.sortField(),
                n.checksum());
    }

    public void card(Card c) {
        insert(cards, c.id(), c.note(), c.deck(), c.ord(), c.modifiedSeconds(), c.due());
    }

    private void insert(PreparedStatement ps, Object... values) {
        try {
            for (int i = 0; i < values.length; i++) ps.setObject(i + 1, values[i]);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(file, e);
        }
    }

    /** Commits what was written and closes the file. */
    @Override
    public void close() {
        try {
            col.close();
            notes.close();
            cards.close();
            db.commit();
            db.close();
        } catch (SQLException e) {
            Sql.closeQuietly(db);
            throw failure(file, e);
        }
    }

    private static QuizcardException failure(Path file, SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return new QuizcardException(file + ": cannot write the Anki collection (" + m.replaceAll("\\s+", " ").strip()
                + ")", QuizcardException.FAILED, e);
    }
}
