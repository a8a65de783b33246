package org.quizcard.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quizcard.QuizcardException;
import org.sqlite.SQLiteConfig;

/**
 * Rotating daily backups of the progress database under {@code QUIZCARD_HOME/backups/}, made
 * with SQLite's online backup when a session opens the store, and bringing one back.
 */
public final class Backups {
    /** The directory under the quizcard home. */
    public static final String DIR = "backups";
    /** How many backups are kept; older ones are deleted when a new one is made. */
    public static final int KEEP = 5;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final String PREFIX = "progress-";
    private static final String SUFFIX = ".db";

    private Backups() {
    }

    /** One backup file: its path, when it was made (local time), and what it holds. */
    public record Backup(Path file, LocalDateTime made, Optional<Contents> contents, String problem) { }

    /** What a sane quizcard database holds. */
    public record Contents(long reviews, Optional<Instant> lastReview, int schema) { }

    /** The backups directory of a quizcard home. */
    public static Path dir(Path home) {
        return home.resolve(DIR);
    }

    /**
     * Makes today's backup unless one was made today or there is nothing to back up; keeps the
     * newest {@link #KEEP}. Returns the new backup, if one was made.
     */
    public static Optional<Path> daily(ProgressStore store, Path home, Clock clock) {
        LocalDateTime now = LocalDateTime.now(clock);
        List<Path> existing = list(home);
        if (!existing.isEmpty()) {
            Optional<LocalDateTime> newest = madeAt(existing.get(existing.size() - 1));
            if (newest.isPresent() && !newest.get().toLocalDate().isBefore(now.toLocalDate())) return Optional.empty();
        }
        if (store.reviewCount() == 0) return Optional.empty();
        Path dir = dir(home);
        Path target = dir.resolve(PREFIX + STAMP.format(now) + SUFFIX);
        Path partial = dir.resolve("." + target.getFileName() + ".partial");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(partial);
            store.backupTo(partial);
            toRollbackJournal(partial);
            move(partial, target);
        } catch (IOException e) {
            deleteWithJournal(partial);
            throw QuizcardException.badInput(dir + ": cannot write a backup (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            deleteWithJournal(partial);
            throw e;
        }
        List<Path> all = list(home);
        for (int i = 0; i < all.size() - KEEP; i++) deleteQuietly(all.get(i));
        return Optional.of(target);
    }

    /** The backups of a home, oldest first (by the time in their names). */
    public static List<Path> list(Path home) {
        Path dir = dir(home);
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) return files;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path p : s) {
                if (Files.isRegularFile(p) && madeAt(p).isPresent()) files.add(p);
            }
        } catch (IOException e) {
            throw QuizcardException.badInput(dir + ": cannot list the backups (" + e.getMessage() + ")");
        }
        files.sort(null);
        return files;
    }

    /** Every backup with its contents or the reason it cannot be used, oldest first. */
    public static List<Backup> describe(Path home) {
        List<Backup> out = new ArrayList<>();
        for (Path p : list(home)) {
            LocalDateTime made = madeAt(p).orElseThrow();
            try {
                out.add(new Backup(p, made, Optional.of(inspect(p)), null));
            } catch (QuizcardException e) {
                out.add(new Backup(p, made, Optional.empty(), e.getMessage()));
            }
        }
        return out;
    }

    /**
     * Checks that a file is a sane quizcard database (SQLite, intact, a schema this quizcard
     * knows, the review log present) without changing it, and tells what it holds.
     */
    public static Contents inspect(Path file) {
        if (!Files.isRegularFile(file)) {
            throw QuizcardException.badInput(file + ": " + (Files.exists(file) ? "not a regular file" : "no such file"));
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = ProgressStore.connect(file, config.toProperties());
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                String result = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(result)) throw insane(file, "integrity check: " + result);
            }
            int schema;
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                schema = rs.getInt(1);
            }
            if (schema < 1 || schema > ProgressStore.SCHEMA_VERSION) {
                throw insane(file, schema == 0 ? "no quizcard schema" : "schema " + schema + " from a newer quizcard");
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*), max(reviewed_at) FROM review")) {
                long reviews = rs.getLong(1);
                long last = rs.getLong(2);
                return new Contents(reviews, rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(last)), schema);
            }
        } catch (SQLException e) {
            throw insane(file, reason(e));
        }
    }

    /**
     * Replaces the progress database with a backup (a file name under the backups directory or
     * any path), after checking it; the current database and its journal are moved aside as
     * {@code progress.db.before-restore-<time>}. Returns where the previous database went, if
     * there was one.
     */
    public static Optional<Path> restore(Path home, Path backup, Clock clock) {
        Contents contents = inspect(backup);
        Path current = home.resolve(ProgressStore.FILE);
        Path aside = null;
        try {
            Files.createDirectories(home);
            if (Files.exists(current)) {
                checkpoint(current);
                String stamp = STAMP.format(LocalDateTime.now(clock));
                aside = home.resolve(ProgressStore.FILE + ".before-restore-" + stamp);
                for (int n = 2; Files.exists(aside); n++) {
                    aside = home.resolve(ProgressStore.FILE + ".before-restore-" + stamp + "-" + n);
                }
                move(current, aside);
                for (String journal : List.of("-wal", "-shm", "-journal")) {
                    Path j = home.resolve(ProgressStore.FILE + journal);
                    if (Files.exists(j)) move(j, Path.of(aside + journal));
                }
            }
            Path partial = home.resolve("." + ProgressStore.FILE + ".restoring");
            Files.copy(backup, partial, StandardCopyOption.REPLACE_EXISTING);
            move(partial, current);
        } catch (IOException e) {
            throw QuizcardException.badInput(home + ": cannot restore (" + e.getMessage() + ")"
                    + (aside == null ? "; nothing was changed" : "; the previous database is at " + aside));
        }
        // opening migrates the restored file and proves it usable
        try (ProgressStore store = ProgressStore.open(home)) {
            if (store.reviewCount() != contents.reviews()) {
                throw QuizcardException.badInput(current + ": the restored database lost reviews");
            }
        }
        return Optional.ofNullable(aside);
    }

    /** When a backup was made, from its name. */
    static Optional<LocalDateTime> madeAt(Path backup) {
        String name = backup.getFileName().toString();
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) return Optional.empty();
        try {
            return Optional.of(LocalDateTime.parse(name.substring(PREFIX.length(), name.length() - SUFFIX.length()), STAMP));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The day a backup was made. */
    public static LocalDate day(Path backup) {
        return madeAt(backup).map(LocalDateTime::toLocalDate).orElse(LocalDate.MIN);
    }

    /** Merges the write-ahead log into the database file, so the file alone is whole; best effort. */
    private static void checkpoint(Path db) {
        try (Connection c = ProgressStore.connect(db);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            // a corrupt database cannot be checkpointed; it is moved aside with its journal as it is
        }
    }

    /** A backup is a standalone file: a rollback journal, so it can be opened read-only anywhere. */
    private static void toRollbackJournal(Path file) {
        try (Connection c = ProgressStore.connect(file);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = DELETE");
        } catch (SQLException e) {
            throw QuizcardException.badInput(file + ": cannot finish the backup (" + reason(e) + ")");
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static QuizcardException insane(Path file, String why) {
        return QuizcardException.badInput(file + ": not a usable quizcard database (" + why + "); nothing was changed");
    }

    private static String reason(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.replaceFirst("^\\[[A-Z_]+\\]\\s*", "").replaceAll("\\s+", " ").strip();
    }

    /** Deletes a database file and whatever journal SQLite left beside it. */
    private static void deleteWithJournal(Path db) {
        deleteQuietly(db);
        for (String journal : List.of("-wal", "-shm", "-journal")) deleteQuietly(Path.of(db + journal));
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover partial file is harmless: its name never matches a backup
        }
    }
}
