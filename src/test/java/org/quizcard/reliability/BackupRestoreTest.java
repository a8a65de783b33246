package org.quizcard.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.QuizcardException;
import org.quizcard.cli.CliRunner;
import org.quizcard.srs.Card;
import org.quizcard.srs.Fsrs;
import org.quizcard.srs.Rating;
import org.quizcard.srs.SchedulerConfig;
import org.quizcard.store.Backups;
import org.quizcard.store.ProgressStore;
import org.quizcard.store.Review;

/** Daily rotating backups, {@code quizcard restore}, and corrupt or foreign progress files. */
class BackupRestoreTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private final Fsrs fsrs = new Fsrs(SchedulerConfig.defaults().withEnableFuzz(false).withZone(ZoneOffset.UTC));

    @TempDir
    Path dir;

    static Review review(Fsrs fsrs, String card, Instant at) {
        return new Review(0, card, "h", at, "{\"bool\":true}", 1, Rating.GOOD, Set.of(), 500, Card.NEW,
                fsrs.review(Card.NEW, at, Rating.GOOD), "study");
    }

    private void record(Path home, int n, Instant at) {
        try (ProgressStore store = ProgressStore.open(home)) {
            for (int i = 0; i < n; i++) store.record(review(fsrs, "c/q" + i, at.plusSeconds(i)));
        }
    }

    private static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    @Test
    void oneBackupADayTheLastFiveKept() {
        Path home = dir.resolve("home");
        try (ProgressStore store = ProgressStore.open(home)) {
            assertThat(Backups.daily(store, home, at(T0))).as("nothing to back up yet").isEmpty();
        }
        for (int day = 0; day < 8; day++) {
            Instant t = T0.plusSeconds(86_400L * day);
            record(home, 1, t);
            try (ProgressStore store = ProgressStore.open(home)) {
                assertThat(Backups.daily(store, home, at(t))).isPresent();
                assertThat(Backups.daily(store, home, at(t.plusSeconds(3600)))).as("same day").isEmpty();
            }
        }
        List<Backups.Backup> all = Backups.describe(home);
        assertThat(all).hasSize(Backups.KEEP);
        assertThat(all.get(0).file().getFileName().toString()).isEqualTo("progress-000004-20261125-100000.db");
        // each backup holds the log as it was that day: one more review a day
        assertThat(all).extracting(b -> b.contents().orElseThrow().reviews()).containsExactly(4L, 5L, 6L, 7L, 8L);
        assertThat(Backups.dir(home).toFile().list()).allMatch(n -> n.startsWith("progress-") && n.endsWith(".db"));
    }

    @Test
    void restoreListsAndBringsABackupBackKeepingTheCurrentOneAside() throws Exception {
        CliRunner cli = new CliRunner().clock(at(T0.plusSeconds(86_400 * 3)));
        Path home = cli.home();
        CliRunner.Run none = cli.run("restore");
        assertThat(none.exit()).isZero();
        assertThat(none.out()).startsWith("No backups yet in ");
        record(home, 3, T0);
        try (ProgressStore store = ProgressStore.open(home)) {
            Backups.daily(store, home, at(T0));
        }
        record(home, 4, T0.plusSeconds(86_400));
        CliRunner.Run list = cli.run("restore");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).isEqualTo("progress-000001-20261122-100000.db  2026-11-22 10:00  3 reviews\n"
                + "Restore the newest with: quizcard restore progress-000001-20261122-100000.db\n");
        byte[] before = Files.readAllBytes(home.resolve("progress.db"));
        CliRunner.Run restored = cli.run("restore", "progress-000001-20261122-100000.db");
        assertThat(restored.exit()).as(restored.err()).isZero();
        Path aside = home.resolve("progress.db.before-restore-20261125-100000");
        assertThat(restored.out()).contains("Restored ", "(3 reviews)", "The previous database is kept at " + aside);
        try (ProgressStore store = ProgressStore.open(home)) {
            assertThat(store.reviewCount()).isEqualTo(3);
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + aside);
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM review")) {
            assertThat(rs.getInt(1)).as("the database moved aside keeps all 7 reviews").isEqualTo(7);
        }
        assertThat(before).isNotEmpty();
    }

    @Test
    void aBackupThatIsNotASaneDatabaseIsRefusedAndNothingChanges() throws Exception {
        CliRunner cli = new CliRunner();
        Path home = cli.home();
        record(home, 2, T0);
        Path db = home.resolve("progress.db");
        Path text = Files.writeString(dir.resolve("notes.db"), "not sqlite at all\n".repeat(100));
        Path newer = dir.resolve("newer.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + newer)) {
            c.createStatement().execute("CREATE TABLE review (id INTEGER)");
            c.createStatement().execute("PRAGMA user_version = 99");
        }
        Path foreign = dir.resolve("photos.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + foreign)) {
            c.createStatement().execute("CREATE TABLE photos (id INTEGER)");
        }
        for (Path bad : List.of(text, newer, foreign, dir.resolve("missing.db"), dir)) {
            List<String> homeBefore = listing(home);
            CliRunner.Run r = cli.run("restore", bad.toString());
            assertThat(r.exit()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).startsWith("quizcard restore: " + bad + ": ").hasLineCount(1);
            assertThat(listing(home)).isEqualTo(homeBefore);
        }
        try (ProgressStore store = ProgressStore.open(home)) {
            assertThat(store.reviewCount()).isEqualTo(2);
        }
        assertThat(db).exists();
    }

    @Test
    void aCorruptProgressDatabaseIsAClearErrorLeftUntouchedAndRestorable() throws Exception {
        CliRunner cli = new CliRunner().clock(at(T0.plusSeconds(86_400)));
        Path home = cli.home();
        record(home, 40, T0);
        try (ProgressStore store = ProgressStore.open(home)) {
            Backups.daily(store, home, at(T0));
        }
        Path db = home.resolve("progress.db");
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            // keep the header, overwrite the schema page and what follows with noise
            byte[] noise = new byte[8192];
            new java.util.Random(8).nextBytes(noise);
            f.seek(100);
            f.write(noise);
        }
        byte[] corrupt = Files.readAllBytes(db);
        for (String[] args : List.of(new String[] {"stats"}, new String[] {"misconceptions"},
                new String[] {"study", "--plain"}, new String[] {"quiz", "--plain", "--count", "1"})) {
            CliRunner.Run r = cli.stdin("1\n").run(args);
            assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).hasLineCount(1).contains(db.toString());
            assertThat(HostileFiles.hasStackTrace(r.err())).isFalse();
            assertThat(Files.readAllBytes(db)).as("the corrupt file is left as it was").isEqualTo(corrupt);
        }
        CliRunner.Run restored = cli.run("restore", "progress-000001-20261122-100000.db");
        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(cli.run("stats").exit()).isZero();
        assertThat(Files.readAllBytes(home.resolve("progress.db.before-restore-20261123-100000"))).isEqualTo(corrupt);
    }

    @Test
    void aDamagedDatabaseIsNeverBackedUpSoTheGoodBackupsSurvive() throws Exception {
        Path home = dir.resolve("home");
        for (int day = 0; day < Backups.KEEP; day++) {
            Instant t = T0.plusSeconds(86_400L * day);
            record(home, 1, t);
            try (ProgressStore store = ProgressStore.open(home)) {
                assertThat(Backups.daily(store, home, at(t))).isPresent();
            }
        }
        corruptIndexPages(home.resolve("progress.db"));
        for (int day = Backups.KEEP; day < 3 * Backups.KEEP; day++) {
            try (ProgressStore store = ProgressStore.open(home)) {
                assertThat(store.quickCheck()).isNotNull();
                assertThat(Backups.daily(store, home, at(T0.plusSeconds(86_400L * day)))).isEmpty();
            }
        }
        assertThat(Backups.describe(home)).hasSize(Backups.KEEP).allMatch(Backups.Backup::usable);
    }

    @Test
    void aClockSetAheadNeitherStopsNorReordersLaterBackups() {
        Path home = dir.resolve("home");
        Instant future = Instant.parse("2030-01-01T10:00:00Z");
        record(home, 1, T0);
        try (ProgressStore store = ProgressStore.open(home)) {
            assertThat(Backups.daily(store, home, at(future))).isPresent();
        }
        for (int day = 1; day <= 3; day++) {
            Instant t = T0.plusSeconds(86_400L * day);
            record(home, 1, t);
            try (ProgressStore store = ProgressStore.open(home)) {
                assertThat(Backups.daily(store, home, at(t))).as("day " + day).isPresent();
                assertThat(Backups.daily(store, home, at(t.plusSeconds(60)))).as("same day").isEmpty();
            }
        }
        List<Backups.Backup> all = Backups.describe(home);
        assertThat(all).extracting(Backups.Backup::number).containsExactly(1, 2, 3, 4);
        assertThat(all.get(3).contents().orElseThrow().reviews()).as("the newest is the last made").isEqualTo(4);
        // and a clock set back to before the newest backup's date still gets its backup
        record(home, 1, T0);
        try (ProgressStore store = ProgressStore.open(home)) {
            assertThat(Backups.daily(store, home, at(T0.minusSeconds(86_400L * 30)))).isPresent();
        }
    }

    @Test
    void unusableBackupsAreListedLastAndNeverRecommended() throws Exception {
        CliRunner cli = new CliRunner().clock(at(T0.plusSeconds(86_400 * 3)));
        Path home = cli.home();
        record(home, 2, T0);
        try (ProgressStore store = ProgressStore.open(home)) {
            Backups.daily(store, home, at(T0));
        }
        Files.writeString(Backups.dir(home).resolve("progress-000002-20261123-100000.db"), "garbage".repeat(500));
        CliRunner.Run list = cli.run("restore");
        assertThat(list.out()).startsWith("progress-000001-20261122-100000.db  2026-11-22 10:00  2 reviews\n"
                + "progress-000002-20261123-100000.db  2026-11-23 10:00  unusable: ")
                .endsWith("Restore the newest with: quizcard restore progress-000001-20261122-100000.db\n");
        Files.delete(Backups.dir(home).resolve("progress-000001-20261122-100000.db"));
        assertThat(cli.run("restore").out()).endsWith("None of these can be restored.\n");
    }

    @Test
    void restoringTheDatabaseOntoItselfIsRefused() throws Exception {
        CliRunner cli = new CliRunner();
        Path home = cli.home();
        record(home, 2, T0);
        List<String> before = listing(home);
        CliRunner.Run r = cli.run("restore", home.resolve("progress.db").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("is the progress database itself").hasLineCount(1);
        assertThat(listing(home)).isEqualTo(before);
    }

    @Test
    void aDatabaseWithTriggersViewsOrOtherTablesIsNotRestored() throws Exception {
        CliRunner cli = new CliRunner();
        Path home = cli.home();
        record(home, 2, T0);
        Path source = dir.resolve("source");
        record(source, 3, T0);
        List<String> tampering = List.of(
                "CREATE TRIGGER eat AFTER INSERT ON review BEGIN DELETE FROM review WHERE id = new.id; END",
                "CREATE VIEW v AS SELECT * FROM review",
                "CREATE TABLE extra (x)",
                "DROP TABLE revealed");
        for (String sql : tampering) {
            Path bad = dir.resolve("bad-" + Math.abs(sql.hashCode()) + ".db");
            Files.copy(source.resolve("progress.db"), bad);
            try (var c = DriverManager.getConnection("jdbc:sqlite:" + bad); var st = c.createStatement()) {
                st.execute("PRAGMA journal_mode = DELETE");
                st.execute(sql);
            }
            List<String> before = listing(home);
            CliRunner.Run r = cli.run("restore", bad.toString());
            assertThat(r.exit()).as(sql).isEqualTo(2);
            assertThat(r.err()).as(sql).contains("not a usable quizcard database").hasLineCount(1);
            assertThat(listing(home)).as(sql).isEqualTo(before);
        }
    }

    /**
     * A restore that runs out of disk while copying the backup in changes nothing: the database
     * stays in place, whole. Needs a small file system, so it runs only where one can be mounted
     * (as root, as in the development container and CI).
     */
    @Test
    void aRestoreThatFillsTheDiskLeavesTheDatabaseInPlace() throws Exception {
        Path small = Files.createDirectories(dir.resolve("small"));
        assumeTrue(new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", small.toString())
                .start().waitFor() == 0, "cannot mount a small file system here");
        try {
            Path home = small.resolve("home");
            record(home, 2, T0);
            Path big = dir.resolve("big");
            record(big, 2000, T0);
            byte[] before = Files.readAllBytes(home.resolve("progress.db"));
            CliRunner cli = new CliRunner().env("QUIZCARD_HOME", home.toString());
            CliRunner.Run r = cli.run("restore", big.resolve("progress.db").toString());
            assertThat(r.exit()).as(r.out()).isEqualTo(2);
            assertThat(r.err()).contains("nothing was changed").hasLineCount(1);
            assertThat(Files.readAllBytes(home.resolve("progress.db"))).isEqualTo(before);
            try (Stream<Path> s = Files.list(home)) {
                assertThat(s.map(p -> p.getFileName().toString())).allMatch(n -> n.startsWith("progress.db"));
            }
        } finally {
            new ProcessBuilder("umount", small.toString()).start().waitFor();
        }
    }

    @Test
    void progressAndBackupsArePrivate() throws Exception {
        Path home = dir.resolve("home");
        record(home, 1, T0);
        Path backup;
        try (ProgressStore store = ProgressStore.open(home)) {
            backup = Backups.daily(store, home, at(T0)).orElseThrow();
        }
        assertThat(mode(home)).isEqualTo("rwx------");
        assertThat(mode(home.resolve("progress.db"))).isEqualTo("rw-------");
        assertThat(mode(Backups.dir(home))).isEqualTo("rwx------");
        assertThat(mode(backup)).isEqualTo("rw-------");
    }

    private static String mode(Path p) throws Exception {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /** Overwrites the page of the card cache's due-date index: SQLite opens the file, its quick check fails. */
    static void corruptIndexPages(Path db) throws Exception {
        long root;
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            try (var rs = st.executeQuery("SELECT rootpage FROM sqlite_master WHERE name = 'card_due'")) {
                root = rs.getLong(1);
            }
        }
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            byte[] noise = new byte[4096];
            new java.util.Random(3).nextBytes(noise);
            f.seek((root - 1) * 4096);
            f.write(noise);
        }
    }

    @Test
    void inspectTellsWhatABackupHolds() {
        Path home = dir.resolve("h");
        record(home, 2, T0);
        Backups.Contents c = Backups.inspect(home.resolve("progress.db"));
        assertThat(c.reviews()).isEqualTo(2);
        assertThat(c.lastReview()).contains(T0.plusSeconds(1));
        assertThatThrownBy(() -> Backups.inspect(dir.resolve("nope.db"))).isInstanceOf(QuizcardException.class)
                .hasMessageContaining("no such file");
    }

    private static List<String> listing(Path home) throws Exception {
        try (Stream<Path> s = Files.list(home)) {
            return s.map(p -> p.getFileName() + ":" + p.toFile().length()).sorted().toList();
        }
    }
}
