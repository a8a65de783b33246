package org.quizcard.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
import java.util.OptionalLong;
import java.util.Properties;
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
            if (!Files.isDirectory(home)) FileModes.privateDirectory(home);
            // created private: SQLite gives its journals the same mode
            if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) FileModes.createPrivateFile(file);
        } catch (IOException e) {
            throw QuizcardException.badInput("cannot create " + file + " (" + e.getMessage() + ")");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw QuizcardException.badInput(file + ": not a regular file");
        }
        awaitPreload();
        useCachedNativeLibrary();
        Connection db = null;
        try {
            db = connect(file);
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("PRAGMA foreign_keys = ON");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
            }
            ProgressStore store = new ProgressStore(file, db);
            store.migrate();
            store.addQueryIndexes();
            return store;
        } catch (SQLException e) {
            closeQuietly(db);
            throw QuizcardException.badInput(file + ": cannot open the progress database (" + reason(e) + ")");
        } catch (RuntimeException e) {
            closeQuietly(db);
            throw e;
        }
    }

    /**
     * A second, read-only connection to the same database, for queries run on another thread
     * beside this store's (SQLite's WAL lets readers run side by side). It sees the database as
     * committed when each of its queries starts; close it when done.
     */
    public ProgressStore reader() {
        Connection reader = null;
        try {
            org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
            config.setReadOnly(true);
            config.setBusyTimeout(10_000);
            reader = connect(file, config.toProperties());
            return new ProgressStore(file, reader);
        } catch (SQLException e) {
            closeQuietly(reader);
            throw QuizcardException.badInput(file + ": cannot open the progress database (" + reason(e) + ")");
        }
    }

    /**
     * Loads the SQLite driver and its native library on a background thread, for a command that
     * will open the store after other start-up work: on a second core it is then ready in time.
     * It also opens and closes an in-memory database, which runs sqlite-jdbc's one-time set-up of
     * a connection (its date formats load the JDK's calendar data, tens of milliseconds cold)
     * without touching any file. Failures are left for {@link #open} to report.
     */
    public static void preload() {
        Thread loader = new Thread(new Preload(), "quizcard-sqlite-loader");
        loader.setDaemon(true);
        loader.start();
        preloading = loader;
    }

    /** The {@link #preload} thread while it may still be running. */
    private static volatile Thread preloading;

    /**
     * Waits (a few seconds at most) for a {@link #preload} still running: it does the JDK's
     * one-time locale set-up that a first connection needs, and doing it twice at once, here and
     * there, would only make both slower.
     */
    private static void awaitPreload() {
        Thread loader = preloading;
        if (loader == null) return;
        try {
            loader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        preloading = null;
    }

    /** {@link #preload}'s work. */
    private static final class Preload implements Runnable {
        @Override
        public void run() {
            try {
                useCachedNativeLibrary();
                org.sqlite.SQLiteJDBCLoader.initialize();
                new org.sqlite.jdbc4.JDBC4Connection("jdbc:sqlite::memory:", ":memory:", new Properties()).close();
            } catch (Exception | LinkageError e) {
                // open() loads it again and reports what is wrong
            }
        }
    }

    /** The system property naming a directory where the launcher lets quizcard keep caches. */
    public static final String CACHE_PROPERTY = "quizcard.cache";

    /**
     * Points sqlite-jdbc at a copy of its native library kept under {@value #CACHE_PROPERTY}, so
     * that it does not unpack a fresh one into the temp directory on every start. The copy is
     * made once, atomically (a complete temp file moved into place), in a directory named by the
     * sqlite-jdbc version and platform; a missing or unusable cache leaves sqlite-jdbc to its own
     * extraction, never a failure.
     */
    static synchronized void useCachedNativeLibrary() {
        String cache = System.getProperty(CACHE_PROPERTY);
        if (cache == null || cache.isBlank() || System.getProperty("org.sqlite.lib.path") != null) return;
        try {
            // Keyed by what the JVM reports, so that a hit costs no look-up: sqlite-jdbc's own
            // platform detection runs `uname` in a child process, paid only when unpacking.
            String name = org.sqlite.util.LibraryLoaderUtil.getNativeLibName();
            String platform = System.getProperty("os.name") + "-" + System.getProperty("os.arch");
            Path dir = Path.of(cache, fileNameSafe("sqlite-" + sqliteJdbcVersion() + "-" + platform));
            Path lib = cachedLibrary(dir, name);
            if (lib == null) lib = unpackLibrary(dir, name);
            if (lib == null) return;
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", lib.getFileName().toString());
            System.setProperty("org.sqlite.tmpdir", dir.toString());
        } catch (IOException | RuntimeException | LinkageError e) {
            // no cache this time: sqlite-jdbc unpacks its library to the temp directory as usual
        }
    }

    /**
     * A connection to the database {@code file}, made with sqlite-jdbc's connection class itself: going through
     * {@link java.sql.DriverManager} would first have it look for drivers across the class path.
     */
    static Connection connect(Path file) throws SQLException {
        return connect(file, new Properties());
    }

    /** {@link #connect(Path)} with sqlite-jdbc's settings, e.g. from {@code SQLiteConfig.toProperties()}. */
    static Connection connect(Path file, Properties properties) throws SQLException {
        return new org.sqlite.jdbc4.JDBC4Connection("jdbc:sqlite:" + file, file.toString(), properties);
    }

    /** Where sqlite-jdbc's jar says which version it is. */
    static final String SQLITE_JDBC_POM = "/META-INF/maven/org.xerial/sqlite-jdbc/pom.properties";

    /**
     * sqlite-jdbc's version, from the {@code version=} line of its pom.properties. sqlite-jdbc's own
     * {@code SQLiteJDBCLoader.getVersion()} reads the same file through a URL connection, a properties
     * parser and a regular expression, far slower in a cold start (docs/performance.md). It is the fallback.
     */
    static String sqliteJdbcVersion() throws IOException {
        try (java.io.InputStream in = ProgressStore.class.getResourceAsStream(SQLITE_JDBC_POM)) {
            if (in != null) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .split("\n")) {
                    if (line.startsWith("version=")) return line.substring("version=".length()).strip();
                }
            }
        }
        return org.sqlite.SQLiteJDBCLoader.getVersion();
    }

    /** {@code text} with every character but ASCII letters, digits, '.', '_' and '-' replaced by '_'. */
    static String fileNameSafe(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            boolean safe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!safe) chars[i] = '_';
        }
        return new String(chars);
    }

    /**
     * The complete cached copy of the native library in {@code dir}: a file named
     * {@code SIZE-NAME} that is {@code SIZE} bytes long. Anything else there by that name, cut
     * short or overwritten, is deleted, so that it is unpacked again rather than handed to the
     * JVM, which would print warnings and a stack trace before sqlite-jdbc fell back.
     */
    static Path cachedLibrary(Path dir, String name) throws IOException {
        if (!Files.isDirectory(dir)) return null;
        Path found = null;
        try (java.nio.file.DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String file = p.getFileName().toString();
                if (!file.endsWith("-" + name)) continue;
                String size = file.substring(0, file.length() - name.length() - 1);
                if (found == null && isSize(size) && Files.size(p) == Long.parseLong(size)) {
                    found = p;
                } else {
                    Files.deleteIfExists(p);
                }
            }
        }
        return found;
    }

    /** Whether {@code text} is one to 18 ASCII digits (checked without a regular expression, on the start-up path). */
    private static boolean isSize(String text) {
        if (text.isEmpty() || text.length() > 18) return false;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') return false;
        }
        return true;
    }

    /** Copies the native library out of sqlite-jdbc's jar into {@code dir} as {@code SIZE-NAME}; null when it cannot. */
    private static Path unpackLibrary(Path dir, String name) throws IOException {
        String resource = org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        java.net.URL url = org.sqlite.SQLiteJDBCLoader.class.getResource(resource);
        if (url == null) return null;
        java.net.URLConnection connection = url.openConnection();
        connection.setUseCaches(false);
        long size = connection.getContentLengthLong();
        if (size <= 0) return null;
        Files.createDirectories(dir);
        // copies a run left half-made when it exited during the copy (the preload is a daemon)
        try (java.nio.file.DirectoryStream<Path> parts = Files.newDirectoryStream(dir, name + "*.part")) {
            long hourAgo = System.currentTimeMillis() - 3_600_000L;
            for (Path p : parts) {
                if (Files.getLastModifiedTime(p).toMillis() < hourAgo) Files.deleteIfExists(p);
            }
        }
        Path lib = dir.resolve(size + "-" + name);
        Path part = Files.createTempFile(dir, name, ".part");
        try (java.io.InputStream in = connection.getInputStream()) {
            Files.copy(in, part, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            // only a complete copy is moved into place
            if (Files.size(part) != size) return null;
            Files.move(part, lib, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return lib;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private void migrate() throws SQLException {
        if (checkedVersion() == SCHEMA_VERSION) return;
        // Two sessions may open a new file at once: take the write lock, then look again, so
        // that only one of them creates the schema.
        try (Statement s = db.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                for (int v = checkedVersion(); v < SCHEMA_VERSION; v++) {
                    for (String sql : MIGRATIONS[v].split(";")) {
                        if (!sql.isBlank()) s.execute(sql);
                    }
                    s.execute("PRAGMA user_version = " + (v + 1));
                }
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }

    /** The file's schema version, refusing a newer schema and a foreign database. */
    private int checkedVersion() throws SQLException {
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
    private void addQueryIndexes() {
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
        try (Connection reference = connect(Path.of(":memory:")); Statement s = reference.createStatement()) {
            for (int v = 0; v < version; v++) {
                for (String sql : MIGRATIONS[v].split(";")) {
                    if (!sql.isBlank()) s.execute(sql);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) expected.put(rs.getString(1), squeezed(rs.getString(2)));
            }
        }
        Set<String> tables = new java.util.HashSet<>();
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
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            String result = rs.next() ? rs.getString(1) : "no answer";
            return "ok".equals(result) ? null : result;
        } catch (SQLException e) {
            return reason(e);
        }
    }

    public Path file() {
        return file;
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
        try (Statement s = db.createStatement()) {
            s.executeUpdate("backup to \"" + name + "\"");
        } catch (SQLException e) {
            throw failure(e);
        }
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

    /**
     * Changes the rating of a recorded review, and the state it led to, in one transaction
     * committed before this returns: the learner's change of rating after the feedback is as
     * durable as the answer. The card follows when this review is still its last.
     */
    public void rerate(long reviewId, Rating rating, Card after) {
        inTransaction(() -> {
            try (PreparedStatement ps = db.prepareStatement("UPDATE review SET rating = ?, state_after = ? WHERE id = ?")) {
                ps.setInt(1, rating.value());
                ps.setString(2, StoredCard.encode(after));
                ps.setLong(3, reviewId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = db.prepareStatement("UPDATE card SET state = ?, due = ? WHERE last_review_id = ?")) {
                ps.setString(1, StoredCard.encode(after));
                ps.setLong(2, after.due().toEpochMilli());
                ps.setLong(3, reviewId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The card's state before a recorded review, if that review exists. */
    public Optional<Card> stateBefore(long reviewId) {
        return query("SELECT state_before FROM review WHERE id = ?", ps -> ps.setLong(1, reviewId),
                rs -> StoredCard.decode(rs.getString(1))).stream().findFirst();
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

    /**
     * The time of the latest review before {@code bound} (epoch milliseconds, exclusive), if any: one
     * index seek, so callers can walk the log day by day without reading every review.
     */
    public OptionalLong latestReviewBefore(long bound) {
        try {
            // prepared once: a streak of years asks this once per day, and preparing costs more than the seek
            if (latestBefore == null) {
                latestBefore = db.prepareStatement(
                        "SELECT reviewed_at FROM review WHERE reviewed_at < ? ORDER BY reviewed_at DESC LIMIT 1");
            }
            latestBefore.setLong(1, bound);
            try (ResultSet rs = latestBefore.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** {@link #latestReviewBefore}'s statement, kept open until {@link #close}. */
    private PreparedStatement latestBefore;

    /** How many reviews fall in {@code [from, to)} (epoch milliseconds). */
    public long reviewCountBetween(long from, long to) {
        return query("SELECT count(*) FROM review WHERE reviewed_at >= ? AND reviewed_at < ?", ps -> {
            ps.setLong(1, from);
            ps.setLong(2, to);
        }, rs -> rs.getLong(1)).get(0);
    }

    /**
     * Reviews at or after {@code from} of cards that were in the review state before them: how
     * many, and how many of those were not rated Again (the figures of true retention).
     */
    public long[] retentionSince(Instant from) {
        return query("""
                SELECT count(*), coalesce(sum(rating <> 1), 0) FROM review
                WHERE reviewed_at >= ? AND state_before LIKE 'review|%'""",
                ps -> ps.setLong(1, from.toEpochMilli()), rs -> new long[] {rs.getLong(1), rs.getLong(2)}).get(0);
    }

    /**
     * Each revealed misconception with how often and when it was last revealed, in no order. Read
     * from each revealing review's own sorted list of misconceptions (which {@link #record} writes
     * beside the {@code revealed} rows), grouped by that list over the partial covering index
     * {@code review_revealed_by}: an index scan, where a join of {@code revealed} to its reviews
     * looked up every revelation's review (the figures are in docs/performance.md).
     */
    public List<Revelations> revelations() {
        record Group(String misconceptions, int count, long last) { }
        List<Group> groups = query("SELECT misconceptions, count(*), max(reviewed_at) FROM review"
                + " WHERE misconceptions <> '' GROUP BY misconceptions", ps -> { },
                rs -> new Group(rs.getString(1), rs.getInt(2), rs.getLong(3)));
        Map<String, Revelations> byMisconception = new HashMap<>();
        for (Group g : groups) {
            for (String m : g.misconceptions().split(" ")) {
                Revelations seen = byMisconception.get(m);
                byMisconception.put(m, seen == null ? new Revelations(m, g.count(), Instant.ofEpochMilli(g.last()))
                        : new Revelations(m, seen.count() + g.count(),
                                Instant.ofEpochMilli(Math.max(seen.last().toEpochMilli(), g.last()))));
            }
        }
        return new ArrayList<>(byMisconception.values());
    }

    /** How often a misconception was revealed and when last. */
    public record Revelations(String misconception, int count, Instant last) { }

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
        try (Statement s = db.createStatement()) {
            // IMMEDIATE takes the write lock first, waiting (busy_timeout) for another session's
            // answer, where a deferred transaction could fail when its read turns into a write
            s.execute("BEGIN IMMEDIATE");
            try {
                T result = work.run();
                s.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
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
        m = m.replaceFirst("^\\[[A-Z_]+\\]\\s*", "").replaceAll("\\s+", " ").strip();
        // SQLite's primary result codes: what the learner can do something about, said first
        return switch (e.getErrorCode() & 0xff) {
            case 5, 6 -> "another program holds the database's lock (waited 10 s: close the other session)";
            case 13 -> "the disk is full (" + m + ")";
            case 10 -> "a disk I/O error, often because the disk is full (" + m + ")";
            case 8 -> "the file or its directory is read-only (" + m + ")";
            default -> m;
        };
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
            if (latestBefore != null) latestBefore.close();
            db.close();
        } catch (SQLException e) {
            throw failure(e);
        }
    }
}
