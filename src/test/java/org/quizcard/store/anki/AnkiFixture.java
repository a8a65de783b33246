package org.quizcard.store.anki;

import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.sqlite.Collation;

/**
 * Builds Anki collections for tests, with SQLite, from Anki's published schemas (the test
 * resources {@code anki/schema11.sql} and {@code anki/schema18.sql}): note types, decks, notes,
 * cards and review-log rows, written as schema 11 (note types and decks as JSON in {@code col})
 * or schema 18 (in their own tables, with protocol-buffer configs), and packed as Anki packs them.
 */
public final class AnkiFixture {
    private final int schema;
    private final Map<Long, Object[]> noteTypes = new LinkedHashMap<>();
    private final Map<Long, Object[]> decks = new LinkedHashMap<>();
    private final List<Object[]> notes = new ArrayList<>();
    private final List<Object[]> cards = new ArrayList<>();
    private final List<Object[]> revlog = new ArrayList<>();
    private long nextId = 1_600_000_000_000L;

    private AnkiFixture(int schema) {
        this.schema = schema;
        deck(1, "Default", "");
    }

    public static AnkiFixture schema11() {
        return new AnkiFixture(11);
    }

    public static AnkiFixture schema18() {
        return new AnkiFixture(18);
    }

    /** Adds a note type; returns its id. */
    public long noteType(String name, boolean cloze, List<String> fields, List<String> templates) {
        long id = nextId++;
        noteTypes.put(id, new Object[] {name, cloze, List.copyOf(fields), List.copyOf(templates)});
        return id;
    }

    /** Anki's stock Basic note type. */
    public long basic() {
        return noteType("Basic", false, List.of("Front", "Back"), List.of("Card 1"));
    }

    /** Adds a deck (name with {@code ::} between levels); returns its id. */
    public long deck(String name, String description) {
        long id = nextId++;
        return deck(id, name, description);
    }

    private long deck(long id, String name, String description) {
        decks.put(id, new Object[] {name, description, false});
        return id;
    }

    /** Adds a filtered deck; returns its id. */
    public long filteredDeck(String name) {
        long id = nextId++;
        decks.put(id, new Object[] {name, "", true});
        return id;
    }

    /** Adds a note; returns its id. */
    public long note(long noteType, String guid, String tags, String... fields) {
        long id = nextId++;
        notes.add(new Object[] {id, guid, noteType, " " + tags + " ", String.join("\u001f", fields)});
        return id;
    }

    /** Adds a card of {@code note} in {@code deck}; returns its id. */
    public long card(long note, long deck, int ord) {
        return card(note, deck, ord, 0);
    }

    /** Adds a card in the filtered deck {@code deck} whose home deck is {@code home}. */
    public long card(long note, long deck, int ord, long home) {
        long id = nextId++;
        cards.add(new Object[] {id, note, deck, ord, home});
        return id;
    }

    /** Adds a review-log row. */
    public void review(long card, long atMillis, int ease, int type, int factor, long millis) {
        revlog.add(new Object[] {atMillis, card, ease, factor, millis, type});
    }

    /** Writes the collection as an SQLite file. */
    public Path write(Path file) {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            Collation.create(db, "unicase", new Collation() {
                @Override
                protected int xCompare(String a, String b) {
                    return a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT));
                }
            });
            db.setAutoCommit(false);
            run(db, "schema11.sql");
            if (schema == 18) run(db, "schema18.sql");
            String models = schema == 11 ? modelsJson() : "";
            String deckJson = schema == 11 ? decksJson() : "";
            insert(db, "INSERT INTO col VALUES (1, 0, 0, 0, ?, 0, 0, 0, '{}', ?, ?, '{}', '{}')", schema, models, deckJson);
            if (schema == 18) tables(db);
            for (Object[] n : notes) {
                insert(db, "INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, '', 0, 0, '')", n);
            }
            for (Object[] c : cards) {
                insert(db, "INSERT INTO cards VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?, 0, '')", c);
            }
            for (Object[] r : revlog) {
                insert(db, "INSERT INTO revlog VALUES (?, ?, 0, ?, 0, 0, ?, ?, ?)", r);
            }
            db.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }

    private void tables(Connection db) throws SQLException {
        for (Map.Entry<Long, Object[]> t : noteTypes.entrySet()) {
            Object[] v = t.getValue();
            byte[] config = (Boolean) v[1] ? new byte[] {0x08, 0x01} : new byte[] {0x10, 0x00};
            insert(db, "INSERT INTO notetypes VALUES (?, ?, 0, 0, ?)", t.getKey(), v[0], config);
            List<?> fields = (List<?>) v[2];
            for (int i = 0; i < fields.size(); i++) {
                insert(db, "INSERT INTO fields VALUES (?, ?, ?, ?)", t.getKey(), i, fields.get(i), new byte[0]);
            }
            List<?> templates = (List<?>) v[3];
            for (int i = 0; i < templates.size(); i++) {
                insert(db, "INSERT INTO templates VALUES (?, ?, ?, 0, 0, ?)", t.getKey(), i, templates.get(i), new byte[0]);
            }
        }
        for (Map.Entry<Long, Object[]> d : decks.entrySet()) {
            Object[] v = d.getValue();
            insert(db, "INSERT INTO decks VALUES (?, ?, 0, 0, ?, ?)", d.getKey(), ((String) v[0]).replace("::", "\u001f"),
                    new byte[0], (Boolean) v[2] ? new byte[] {0x12, 0x00} : normalDeck((String) v[1]));
        }
    }

    /** Deck.KindContainer with {@code normal} (field 1) holding {@code description} (field 4). */
    private static byte[] normalDeck(String description) {
        byte[] text = description.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        inner.write(0x08);
        inner.write(0x01);
        if (text.length > 0) {
            inner.write(0x22);
            varint(inner, text.length);
            inner.writeBytes(text);
        }
        ByteArrayOutputStream outer = new ByteArrayOutputStream();
        outer.write(0x0a);
        varint(outer, inner.size());
        outer.writeBytes(inner.toByteArray());
        return outer.toByteArray();
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7fL) != 0) {
            out.write((int) (value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
    }

    private String modelsJson() {
        StringBuilder b = new StringBuilder("{");
        noteTypes.forEach((id, v) -> {
            if (b.length() > 1) b.append(',');
            b.append('"').append(id).append("\":{\"id\":").append(id).append(",\"name\":").append(json((String) v[0]))
                    .append(",\"type\":").append((Boolean) v[1] ? 1 : 0).append(",\"flds\":").append(named((List<?>) v[2]))
                    .append(",\"tmpls\":").append(named((List<?>) v[3])).append('}');
        });
        return b.append('}').toString();
    }

    private String decksJson() {
        StringBuilder b = new StringBuilder("{");
        decks.forEach((id, v) -> {
            if (b.length() > 1) b.append(',');
            b.append('"').append(id).append("\":{\"id\":").append(id).append(",\"name\":").append(json((String) v[0]))
                    .append(",\"desc\":").append(json((String) v[1])).append(",\"dyn\":").append((Boolean) v[2] ? 1 : 0)
                    .append('}');
        });
        return b.append('}').toString();
    }

    private static String named(List<?> names) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) b.append(',');
            b.append("{\"name\":").append(json((String) names.get(i))).append(",\"ord\":").append(i).append('}');
        }
        return b.append(']').toString();
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    private static void run(Connection db, String resource) throws SQLException {
        String sql;
        try (InputStream in = AnkiFixture.class.getResourceAsStream("/anki/" + resource)) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder noComments = new StringBuilder();
        for (String line : sql.split("\n")) if (!line.startsWith("--")) noComments.append(line).append('\n');
        try (Statement s = db.createStatement()) {
            for (String statement : noComments.toString().split(";\n")) {
                if (!statement.isBlank()) s.execute(statement);
            }
        }
    }

    private static void insert(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) ps.setObject(i + 1, values[i]);
            ps.executeUpdate();
        }
    }

    // ---- packages

    /** The entry name of each generation's collection. */
    public static String entryOf(int generation) {
        return switch (generation) {
            case 1 -> "collection.anki2";
            case 2 -> "collection.anki21";
            default -> "collection.anki21b";
        };
    }

    /**
     * Packs the collection as Anki does: generation 1 and 2 (legacy: the SQLite file as it is, a
     * JSON media map) or 3 (zstd-compressed SQLite, a {@code meta} saying version 3, a
     * protocol-buffer media list, here empty).
     */
    public Path pack(Path dir, String name, int generation) {
        try {
            Path sqlite = write(Files.createTempFile(dir, "collection", ".sqlite"));
            byte[] bytes = Files.readAllBytes(sqlite);
            Files.delete(sqlite);
            Map<String, byte[]> entries = new LinkedHashMap<>();
            if (generation == 3) {
                entries.put("collection.anki21b", zstd(bytes));
                entries.put("meta", new byte[] {0x08, 0x03});
                entries.put("media", zstd(new byte[0]));
            } else {
                entries.put(entryOf(generation), bytes);
                entries.put("media", "{}".getBytes(StandardCharsets.UTF_8));
            }
            return zip(dir.resolve(name), entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] zstd(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = new ZstdOutputStream(out)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A zip of {@code entries}, in order, deflated. */
    public static Path zip(Path file, Map<String, byte[]> entries) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
