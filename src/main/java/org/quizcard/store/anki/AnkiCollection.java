package org.quizcard.store.anki;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.quizcard.QuizcardException;
import org.quizcard.store.Sql;
import org.sqlite.Collation;
import org.sqlite.SQLiteConfig;

/**
 * Reads an Anki collection, an SQLite file of schema 11 to 18, read-only: it must hold Anki's
 * tables ({@code col}, {@code notes}, {@code cards}, {@code revlog}) as tables, at a schema version
 * quizcard knows, or it is refused in one line as not an Anki collection. Schema 11 keeps note
 * types and decks as JSON in {@code col.models} and {@code col.decks}; schema 15 and later in
 * tables of their own ({@code notetypes}, {@code fields}, {@code templates}, {@code decks}) with
 * protocol-buffer configs, and deck names with {@code 0x1f} between the levels.
 */
public final class AnkiCollection {
    /** The oldest and newest schema versions read: Anki 2.1's legacy schema to today's. */
    public static final int OLDEST = 11;
    public static final int NEWEST = 18;
    /** The most notes, and review-log rows, one import reads: each is held in memory. */
    public static final int MAX_NOTES = 1_000_000;
    public static final int MAX_REVIEWS = 5_000_000;

    private final Connection db;
    private final String name;

    private AnkiCollection(Connection db, String name) {
        this.db = db;
        this.name = name;
    }

    /**
     * The records of the collection in {@code file}; {@code name} is what failures call it (the
     * package it came from). The review log is read only when {@code withHistory}.
     */
    public static AnkiRecords read(Path file, String name, boolean withHistory) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        // immutable: no journal or lock files beside it, and no write-ahead log looked for
        try (Connection db = Sql.connect("file:" + file.toUri().getRawPath() + "?immutable=1", config)) {
            // Anki's schema compares names with its own collation; case-insensitive order suits reading
            Collation.create(db, "unicase", new Collation() {
                @Override
                protected int xCompare(String a, String b) {
                    return a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT));
                }
            });
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA trusted_schema = OFF");
            }
            return new AnkiCollection(db, name).records(withHistory);
        } catch (SQLException e) {
            throw QuizcardException.badInput(name + ": not an Anki collection (" + reason(e) + ")");
        }
    }

    private AnkiRecords records(boolean withHistory) throws SQLException {
        // tables only: a view or a trigger could run anything
        Set<String> tables = Set.copyOf(list("SELECT name FROM sqlite_master WHERE type = 'table'",
                rs -> rs.getString(1)));
        if (!tables.containsAll(Set.of("col", "notes", "cards", "revlog"))) throw notAnki();
        List<Long> versions = list("SELECT ver FROM col", rs -> rs.getLong(1));
        if (versions.size() != 1) throw notAnki();
        long ver = versions.get(0);
        if (ver < OLDEST || ver > NEWEST) {
            throw QuizcardException.badInput(name + ": an Anki collection of schema " + ver + ", which quizcard does not "
                    + "read (it reads " + OLDEST + " to " + NEWEST + ")");
        }
        Map<Long, AnkiRecords.NoteType> noteTypes;
        Map<Long, AnkiRecords.Deck> decks;
        if (ver >= 15) {
            if (!tables.containsAll(Set.of("notetypes", "fields", "templates", "decks"))) throw notAnki();
            noteTypes = noteTypeTables();
            decks = deckTable();
        } else {
            List<String[]> col = list("SELECT models, decks FROM col", rs -> new String[] {rs.getString(1), rs.getString(2)});
            noteTypes = LegacyJson.noteTypes(col.get(0)[0], name);
            decks = LegacyJson.decks(col.get(0)[1], name);
        }
        List<AnkiRecords.Note> notes = new ArrayList<>();
        each("SELECT id, guid, mid, tags, flds FROM notes ORDER BY id", MAX_NOTES, "notes", rs -> notes.add(
                new AnkiRecords.Note(rs.getLong(1), text(rs.getString(2)), rs.getLong(3), text(rs.getString(4)),
                        List.of(text(rs.getString(5)).split("\u001f", -1)))));
        List<AnkiRecords.Card> cards = new ArrayList<>();
        each("SELECT id, nid, did, odid, ord FROM cards ORDER BY nid, ord, id", (long) MAX_NOTES * 4, "cards",
                rs -> cards.add(new AnkiRecords.Card(rs.getLong(1), rs.getLong(2),
                        rs.getLong(4) != 0 ? rs.getLong(4) : rs.getLong(3), rs.getInt(5))));
        List<AnkiRecords.Revlog> revlog = new ArrayList<>();
        if (withHistory) {
            each("SELECT id, cid, ease, factor, time, type FROM revlog ORDER BY cid, id", MAX_REVIEWS, "review-log rows",
                    rs -> revlog.add(new AnkiRecords.Revlog(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4),
                            rs.getLong(5), rs.getInt(6))));
        }
        return new AnkiRecords((int) ver, noteTypes, decks, notes, cards, revlog);
    }

    private Map<Long, AnkiRecords.NoteType> noteTypeTables() throws SQLException {
        Map<Long, List<String>> fields = namesByNoteType("fields");
        Map<Long, List<String>> templates = namesByNoteType("templates");
        Map<Long, AnkiRecords.NoteType> types = new TreeMap<>();
        each("SELECT id, name, config FROM notetypes", MAX_NOTES, "note types", rs -> {
            long id = rs.getLong(1);
            return types.put(id, new AnkiRecords.NoteType(id, text(rs.getString(2)),
                    kind(rs.getBytes(3)) == 1, fields.getOrDefault(id, List.of()),
                    templates.getOrDefault(id, List.of())));
        });
        return types;
    }

    /** The names in {@code table} (fields or templates) of each note type, in order. */
    private Map<Long, List<String>> namesByNoteType(String table) throws SQLException {
        Map<Long, List<String>> names = new HashMap<>();
        each("SELECT ntid, name FROM " + table + " ORDER BY ntid, ord", MAX_NOTES, table,
                rs -> names.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(text(rs.getString(2))));
        return names;
    }

    /** Notetype.Config (anki/notetypes.proto): field 1, {@code kind}, 0 normal and 1 cloze. */
    private int kind(byte[] config) {
        try {
            return (int) Protobuf.numberField(config == null ? new byte[0] : config, 1);
        } catch (IllegalArgumentException e) {
            throw QuizcardException.badInput(name + ": a note type's config cannot be read (" + e.getMessage() + ")");
        }
    }

    private Map<Long, AnkiRecords.Deck> deckTable() throws SQLException {
        Map<Long, AnkiRecords.Deck> decks = new TreeMap<>();
        each("SELECT id, name, kind FROM decks", MAX_NOTES, "decks", rs -> decks.put(rs.getLong(1),
                deck(rs.getLong(1), text(rs.getString(2)).replace("\u001f", "::"), rs.getBytes(3))));
        return decks;
    }

    /**
     * A deck with its Deck.KindContainer (anki/decks.proto): field 1 {@code normal}, whose field 4
     * is the description, or field 2 {@code filtered}.
     */
    private AnkiRecords.Deck deck(long id, String deckName, byte[] kind) {
        try {
            Protobuf p = new Protobuf(kind == null ? new byte[0] : kind);
            String description = "";
            boolean filtered = false;
            for (int field = p.next(); field != 0; field = p.next()) {
                if (field == 1) {
                    Protobuf normal = p.message();
                    for (int f = normal.next(); f != 0; f = normal.next()) {
                        if (f == 4) description = normal.string();
                        else normal.skip();
                    }
                } else {
                    p.skip();
                    filtered |= field == 2;
                }
            }
            return new AnkiRecords.Deck(id, deckName, description, filtered);
        } catch (IllegalArgumentException e) {
            throw QuizcardException.badInput(name + ": a deck's config cannot be read (" + e.getMessage() + ")");
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private QuizcardException notAnki() {
        return QuizcardException.badInput(name + ": not an Anki collection");
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> list(String sql, Row<T> row) throws SQLException {
        List<T> out = new ArrayList<>();
        each(sql, MAX_NOTES, "rows", rs -> out.add(row.read(rs)));
        return out;
    }

    /** Reads every row with {@code each}, refusing more than {@code limit} {@code what}. */
    private void each(String sql, long limit, String what, Row<?> each) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            long n = 0;
            while (rs.next()) {
                if (++n > limit) {
                    throw QuizcardException.badInput(name + ": more than " + String.format(Locale.ROOT, "%,d", limit)
                            + " " + what + "; quizcard reads at most that many from one collection");
                }
                each.read(rs);
            }
        }
    }

    private static String reason(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.replaceFirst("^\\[[A-Z_]+\\]\\s*", "").replaceAll("\\s+", " ").strip();
    }
}
