package org.quizcard.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quizcard.QuizcardException;
import org.quizcard.WriteProblem;
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
    /** {@code progress-<number>-<time>.db}: the number orders backups whatever the clock said. */
    /** What SQLite may keep beside a database file, by the suffix of its name. */
    private static final List<String> JOURNALS = List.of("-wal", "-shm", "-journal");
    private static final Pattern NAME = Pattern.compile("progress-(?:(\\d{6})-)?(\\d{8}-\\d{6})\\.db");

    private Backups() {
    }

    /**
     * One backup file: its path, its number in the order backups were made (0 for those made
     * before numbers were written), when it was made by the clock of the time (local time), and
     * what it holds or why it cannot be used.
     */
    public record Backup(Path file, int number, LocalDateTime made, Optional<Contents> contents, String problem) {
        public boolean usable() {
            return contents.isPresent();
        }
    }

    /** What a sane quizcard database holds. */
    public record Contents(long reviews, Optional<Instant> lastReview) { }

    /** The backups directory of a quizcard home. */
    public static Path dir(Path home) {
        return home.resolve(DIR);
    }

    /**
     * Makes today's backup unless the newest backup was made today, there is nothing to back up,
     * or the database fails SQLite's quick check (a damaged file is never copied over good
     * backups); then keeps the newest {@link #KEEP}, the one just made among them. Backups are
     * numbered in the order they are made, so a clock set ahead or back cannot reorder them or
     * stop the next one. Returns the new backup, if one was made.
     */
    public static Optional<Path> daily(ProgressStore store, Path home, Clock clock) {
        LocalDateTime now = LocalDateTime.now(clock);
        List<Path> existing = list(home);
        Path newest = existing.isEmpty() ? null : existing.get(existing.size() - 1);
        if (newest != null && madeAt(newest).map(t -> t.toLocalDate().equals(now.toLocalDate())).orElse(false)) {
            return Optional.empty();
        }
        if (store.reviewCount() == 0 || store.quickCheck() != null) return Optional.empty();
        Path dir = dir(home);
        int number = newest == null ? 1 : number(newest) + 1;
        Path target = dir.resolve(String.format(java.util.Locale.ROOT, "%s%06d-%s%s", PREFIX, number, STAMP.format(now), SUFFIX));
        Path partial = dir.resolve("." + target.getFileName() + ".partial");
        try {
            FileModes.privateDirectory(dir);
            Files.deleteIfExists(partial);
            store.backupTo(partial);
            toRollbackJournal(partial);
            inspect(partial);
            FileModes.privateFile(partial);
            move(partial, target);
        } catch (IOException | RuntimeException e) {
            deleteWithJournal(partial);
            if (e instanceof IOException io) {
                throw QuizcardException.badInput(dir + ": cannot write a backup (" + WriteProblem.cause(partial, io) + ")");
            }
            // a QuizcardException: the copy is not a sane database; keep the backups there are
            if (e instanceof QuizcardException) return Optional.empty();
            throw (RuntimeException) e;
        }
        List<Path> all = list(home);
        for (int i = 0; i < all.size() - KEEP; i++) {
            if (!all.get(i).equals(target)) deleteQuietly(all.get(i));
        }
        return Optional.of(target);
    }

    /** The backups of a home, in the order they were made (by their numbers, then their times). */
    public static List<Path> list(Path home) {
        Path dir = dir(home);
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) return files;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path p : s) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && madeAt(p).isPresent()) files.add(p);
            }
        } catch (IOException e) {
            throw QuizcardException.badInput(dir + ": cannot list the backups (" + e.getMessage() + ")");
        }
        files.sort(Comparator.comparingInt(Backups::number).thenComparing(p -> madeAt(p).orElseThrow()));
        return files;
    }

    /**
     * Every backup with its contents or the reason it cannot be used: the usable ones first, in
     * the order they were made (the newest last), then the unusable ones.
     */
    public static List<Backup> describe(Path home) {
        List<Backup> all = new ArrayList<>();
        for (Path p : list(home)) {
            LocalDateTime made = madeAt(p).orElseThrow();
            try {
                all.add(new Backup(p, number(p), made, Optional.of(inspect(p)), null));
            } catch (QuizcardException e) {
                all.add(new Backup(p, number(p), made, Optional.empty(), e.getMessage()));
            }
        }
        // stable: the usable first, then the others, each in the order made
        all.sort(Comparator.comparing((Backup b) -> !b.usable()));
        return all;
    }

    /**
     * Checks that a file is a sane quizcard database without changing it, and tells what it
     * holds: SQLite, intact, a schema version this quizcard knows, and exactly the tables and
     * indexes quizcard writes, with no triggers or views.
     */
    public static Contents inspect(Path file) {
        if (!Files.isRegularFile(file)) {
            throw QuizcardException.badInput(file + ": " + (Files.exists(file) ? "not a regular file" : "no such file"));
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = Sql.connect(file.toString(), config);
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
            String foreign = ProgressStore.schemaProblem(c, schema);
            if (foreign != null) throw insane(file, foreign);
            try (ResultSet rs = s.executeQuery("SELECT count(*), max(reviewed_at) FROM review")) {
                long reviews = rs.getLong(1);
                long last = rs.getLong(2);
                return new Contents(reviews,
                        rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(last)));
            }
        } catch (SQLException e) {
            throw insane(file, Sql.reason(e));
        }
    }

    /**
     * Replaces the progress database with a backup (a file name under the backups directory or
     * any path) without a moment where no database is in place: the backup is copied beside the
     * database and checked there, the current database is kept aside as
     * {@code progress.db.before-restore-<time>} (a second name for the same file, untouched),
     * and the copy is renamed over it. Fails, changing nothing, on a backup that is not sane or
     * is the database itself.
     */
    public static Restored restore(Path home, Path backup, Clock clock) {
        Path current = home.resolve(ProgressStore.FILE);
        try {
            if (Files.exists(current) && Files.exists(backup) && Files.isSameFile(current, backup)) {
                throw QuizcardException.badInput(backup + ": is the progress database itself; name a backup");
            }
        } catch (IOException e) {
            throw QuizcardException.badInput(backup + ": cannot read (" + e.getMessage() + ")");
        }
        Contents contents = inspect(backup);
        Path partial = home.resolve("." + ProgressStore.FILE + ".restoring");
        try {
            FileModes.privateDirectory(home);
            Files.copy(backup, partial, StandardCopyOption.REPLACE_EXISTING);
            FileModes.privateFile(partial);
            if (inspect(partial).reviews() != contents.reviews()) throw insane(backup, "it changed while being copied");
        } catch (IOException | RuntimeException e) {
            deleteWithJournal(partial);
            if (e instanceof QuizcardException q) throw q;
            String why = e instanceof IOException io ? WriteProblem.cause(partial, io) : e.getMessage();
            throw QuizcardException.badInput(home + ": cannot restore (" + why + "); nothing was changed");
        }
        Path aside = null;
        try {
            if (Files.exists(current)) {
                checkpoint(current);
                aside = asideName(home, clock);
                keepAside(current, aside);
                // An old write-ahead log must not be replayed into the restored file: it goes aside too.
                for (String journal : JOURNALS) {
                    Path j = home.resolve(ProgressStore.FILE + journal);
                    if (Files.exists(j)) move(j, Path.of(aside + journal));
                }
            }
            move(partial, current);
        } catch (IOException e) {
            deleteWithJournal(partial);
            throw QuizcardException.badInput(home + ": cannot restore (" + e.getMessage() + ")"
                    + (aside == null ? "; nothing was changed" : "; the previous database is also kept at " + aside));
        }
        // opening migrates the restored file and proves it usable
        try (ProgressStore store = ProgressStore.open(home)) {
            if (store.reviewCount() != contents.reviews()) {
                throw QuizcardException.badInput(current + ": the restored database lost reviews");
            }
        }
        return new Restored(contents, Optional.ofNullable(aside));
    }

    /** What a restore brought back, and where the previous database is kept, if there was one. */
    public record Restored(Contents contents, Optional<Path> aside) { }

    private static Path asideName(Path home, Clock clock) {
        String stamp = STAMP.format(LocalDateTime.now(clock));
        Path aside = home.resolve(ProgressStore.FILE + ".before-restore-" + stamp);
        for (int n = 2; Files.exists(aside); n++) {
            aside = home.resolve(ProgressStore.FILE + ".before-restore-" + stamp + "-" + n);
        }
        return aside;
    }

    /**
     * A second name for the database file: a hard link, or a copy where the file system refuses
     * one (FAT, some network file systems).
     */
    private static void keepAside(Path current, Path aside) throws IOException {
        try {
            Files.createLink(aside, current);
        } catch (IOException noHardLink) {
            Files.copy(current, aside, StandardCopyOption.COPY_ATTRIBUTES);
        }
        FileModes.privateFile(aside);
    }

    /** When a backup was made, by the clock of the time, from its name. */
    static Optional<LocalDateTime> madeAt(Path backup) {
        Matcher m = NAME.matcher(backup.getFileName().toString());
        if (!m.matches()) return Optional.empty();
        try {
            return Optional.of(LocalDateTime.parse(m.group(2), STAMP));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A backup's number in the order backups were made; 0 for one named by its time alone. */
    static int number(Path backup) {
        Matcher m = NAME.matcher(backup.getFileName().toString());
        return m.matches() && m.group(1) != null ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Merges the write-ahead log into the database file, so the file alone is whole; best effort. */
    private static void checkpoint(Path db) {
        try (Connection c = Sql.connect(db);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            // a corrupt database cannot be checkpointed; it is moved aside with its journal as it is
        }
    }

    /** A backup is a standalone file: a rollback journal, so it can be opened read-only anywhere. */
    private static void toRollbackJournal(Path file) {
        try (Connection c = Sql.connect(file);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = DELETE");
        } catch (SQLException e) {
            throw QuizcardException.badInput(file + ": cannot finish the backup (" + Sql.reason(e) + ")");
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

    /** Deletes a database file and whatever journal SQLite left beside it. */
    private static void deleteWithJournal(Path db) {
        deleteQuietly(db);
        for (String journal : JOURNALS) deleteQuietly(Path.of(db + journal));
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover partial file is harmless: its name never matches a backup
        }
    }
}
