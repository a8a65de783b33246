package org.quizcard.store.anki;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * An Anki package as stable text, for golden files and comparisons: its entries, then the
 * collection's schema and every row of every table, the JSON columns pretty-printed; U+001F (the
 * field separator) shown as {@code ␟}.
 */
public final class AnkiDump {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private AnkiDump() {
    }

    /** The entries of a zip by name, with their bytes. */
    public static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) out.put(e.getName(), z.readAllBytes());
        }
        return out;
    }

    /** The package as text; the collection is unpacked into {@code work}. */
    public static String of(Path apkg, Path work) throws IOException, SQLException {
        Map<String, byte[]> entries = entries(apkg);
        StringBuilder b = new StringBuilder("entries: ").append(String.join(", ", entries.keySet())).append('\n');
        b.append("media: ").append(new String(entries.get("media"), StandardCharsets.UTF_8)).append('\n');
        Path db = work.resolve("collection.anki2");
        Files.write(db, entries.get("collection.anki2"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT type, name, sql FROM sqlite_master ORDER BY type DESC, name")) {
                while (rs.next()) b.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(": ")
                        .append(rs.getString(3)).append('\n');
            }
            for (String table : new String[] {"col", "notes", "cards", "revlog", "graves"}) {
                b.append("\n== ").append(table).append('\n');
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY rowid")) {
                    rows(rs, b);
                }
            }
        } finally {
            Files.deleteIfExists(db);
        }
        return b.toString();
    }

    private static void rows(ResultSet rs, StringBuilder b) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                Object v = rs.getObject(i);
                String text = v == null ? "null" : v.toString();
                if (text.startsWith("{")) {
                    JsonNode node = JSON.readTree(text);
                    text = JSON.writeValueAsString(node).replace("\r", "");
                }
                b.append(meta.getColumnName(i)).append(" = ").append(text.replace('\u001f', '␟')).append('\n');
            }
            b.append("--\n");
        }
    }
}
