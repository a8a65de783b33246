package org.quizcard.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.quizcard.QuizcardException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One connection to a progress database, with the query, transaction and error handling every
 * store class shares; {@link #connect} and {@link #closeQuietly} serve Anki's collections too.
 */
public final class Sql implements AutoCloseable {
    /** How long a session waits for another's lock, as {@link #reason} tells the learner. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;
    /** SQLite's primary result code for a lock another connection holds. */
    private static final int BUSY = 5;

    final Path file;
    final Connection db;

    Sql(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /**
     * A connection to {@code target} (a file name, {@code :memory:} or a {@code file:} URI with
     * parameters) with sqlite-jdbc's {@code config}.
     */
    public static Connection connect(String target, SQLiteConfig config) throws SQLException {
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + target);
        return source.getConnection();
    }

    /** A connection to {@code file} with sqlite-jdbc's defaults. */
    static Connection connect(Path file) throws SQLException {
        return connect(file.toString(), new SQLiteConfig());
    }

    /** SQL work that may fail. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Every row of {@code sql} with {@code params} bound in order, read by {@code reader}. */
    <T> List<T> query(String sql, RowReader<T> reader, Object... params) {
        List<T> out = new ArrayList<>();
        each(sql, rs -> out.add(reader.read(rs)), params);
        return out;
    }

    /** Reads every row of {@code sql} with {@code reader}, keeping none: for results too long to hold twice. */
    void each(String sql, RowReader<?> reader, Object... params) {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) reader.read(rs);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The single value of a query that always returns one row. */
    <T> T one(String sql, RowReader<T> reader, Object... params) {
        return query(sql, reader, params).get(0);
    }

    /** Runs an insert, update or delete with {@code params} bound in order. */
    void update(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            bind(ps, params);
            ps.executeUpdate();
        }
    }

    /** Runs an insert with {@code params} bound in order; the id of the row it added. */
    long insert(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, params);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
    }

    /** Runs {@code work} in one transaction, committed (durably, with synchronous=FULL) before this returns. */
    <T> T inTransaction(Work<T> work) {
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

    QuizcardException failure(SQLException e) {
        return new QuizcardException(file + ": " + reason(e), QuizcardException.BAD_INPUT, e);
    }

    /**
     * Turns on the write-ahead log. While another session turns it on for the same new file,
     * SQLite answers busy at once instead of waiting out the busy timeout, so this asks again
     * until that timeout has passed.
     */
    static void writeAheadLog(Statement s) throws SQLException {
        long giveUp = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BUSY_TIMEOUT_MILLIS);
        while (true) {
            try {
                s.execute("PRAGMA journal_mode = WAL");
                return;
            } catch (SQLException e) {
                if ((e.getErrorCode() & 0xff) != BUSY || System.nanoTime() - giveUp > 0) throw e;
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        }
    }

    /** What went wrong, in words a learner can act on. */
    static String reason(SQLException e) {
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

    /** Closes a connection an open left half made, and gives what to throw for {@code e}. */
    static RuntimeException failedOpen(Path file, Connection db, Exception e) {
        closeQuietly(db);
        if (e instanceof RuntimeException r) return r;
        return QuizcardException.badInput(file + ": cannot open the progress database ("
                + reason((SQLException) e) + ")");
    }

    public static void closeQuietly(Connection c) {
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
