package org.quizcard.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(all.get(0).file().getFileName().toString()).isEqualTo("progress-20261125-100000.db");
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
        assertThat(list.out()).isEqualTo("progress-20261122-100000.db  2026-11-22 10:00  3 reviews\n"
                + "Restore one with: quizcard restore progress-20261122-100000.db\n");
        byte[] before = Files.readAllBytes(home.resolve("progress.db"));
        CliRunner.Run restored = cli.run("restore", "progress-20261122-100000.db");
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
        CliRunner.Run restored = cli.run("restore", "progress-20261122-100000.db");
        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(cli.run("stats").exit()).isZero();
        assertThat(Files.readAllBytes(home.resolve("progress.db.before-restore-20261123-100000"))).isEqualTo(corrupt);
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
