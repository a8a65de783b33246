package org.quizcard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.QuizcardException;
import org.quizcard.srs.Card;
import org.quizcard.srs.Fsrs;
import org.quizcard.srs.Rating;
import org.quizcard.srs.SchedulerConfig;

class ProgressStoreTest {
    @TempDir
    Path home;

    private final Fsrs fsrs = new Fsrs(SchedulerConfig.defaults().withEnableFuzz(false).withZone(java.time.ZoneOffset.UTC));
    private final Instant t0 = Instant.parse("2026-11-20T10:00:00Z");

    private Review review(String card, Card before, Instant at, Rating rating, Set<String> misconceptions) {
        Card after = fsrs.review(before, at, rating);
        return new Review(0, card, "h1", at, "{\"bool\":true}", rating == Rating.AGAIN ? 0 : 1, rating, misconceptions,
                900, before, after, "study");
    }

    @Test
    void fittedWeightSetsAreKeptAndOneIsActiveAtATime() {
        List<Double> first = SchedulerConfig.DEFAULT_WEIGHTS.stream().map(w -> w * 1.1).toList();
        List<Double> second = SchedulerConfig.DEFAULT_WEIGHTS.stream().map(w -> w * 0.9 + 1e-9).toList();
        try (ProgressStore store = ProgressStore.open(home)) {
            assertThat(store.activeWeights()).isEmpty();
            long a = store.saveWeights(new WeightSet(0, Instant.parse("2026-12-01T10:00:00Z"), first, 500, 0.41, 0.05, true));
            long b = store.saveWeights(new WeightSet(0, Instant.parse("2026-12-02T10:00:00Z"), second, 600, 0.40, 0.04, true));
            assertThat(store.activeWeights().orElseThrow().id()).isEqualTo(b);
            // read back to the same doubles
            assertThat(store.activeWeights().orElseThrow().weights()).isEqualTo(second);
            assertThat(store.weightSets()).extracting(WeightSet::id).containsExactly(a, b);

            assertThat(store.activateWeights(a)).isTrue();
            assertThat(store.activeWeights().orElseThrow().weights()).isEqualTo(first);
            assertThat(store.activateWeights(99)).isFalse();
            assertThat(store.activeWeights().orElseThrow().id()).isEqualTo(a);
            assertThat(store.activateWeights(0)).isTrue();
            assertThat(store.activeWeights()).isEmpty();
            assertThat(store.weightSets()).hasSize(2);
        }
    }

    @Test
    void aLogFromBeforeWeightsWereKeptIsMigratedAndReadsWithNone() throws Exception {
        // a version-1 log, as the quizcard before this one wrote it
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve(ProgressStore.FILE));
             var s = c.createStatement()) {
            for (String sql : ProgressStore.migrationForTests(0).split(";")) {
                if (!sql.isBlank()) s.execute(sql);
            }
            s.execute("PRAGMA user_version = 1");
        }
        try (ProgressQueries read = ProgressQueries.openReadOnly(home)) {
            assertThat(read.weightSets()).isEmpty();
        }
        try (ProgressStore store = ProgressStore.open(home)) {
            store.saveWeights(new WeightSet(0, Instant.parse("2026-12-01T10:00:00Z"), SchedulerConfig.DEFAULT_WEIGHTS, 8,
                    0.5, 0.1, true));
            assertThat(store.activeWeights()).isPresent();
        }
    }

    @Test
    void recordsReviewsAndCachesCardState() {
        try (ProgressStore store = ProgressStore.open(home)) {
            long id = store.record(review("c/a", Card.NEW, t0, Rating.GOOD, Set.of()));
            assertThat(id).isPositive();
            Card after = store.card("c/a").orElseThrow();
            assertThat(after).isEqualTo(fsrs.review(Card.NEW, t0, Rating.GOOD));
            assertThat(store.reviewCount()).isEqualTo(1);
            assertThat(store.lastReview("c/a").orElseThrow().after()).isEqualTo(after);
        }
    }

    @Test
    void everyReviewIsDurableAtOnceAndVisibleToAnotherConnection() throws Exception {
        try (ProgressStore store = ProgressStore.open(home)) {
            store.record(review("c/a", Card.NEW, t0, Rating.AGAIN, Set.of("m1", "m2")));
            try (var other = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("progress.db"));
                 var rs = other.createStatement().executeQuery("SELECT count(*) FROM review")) {
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            try (var other = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("progress.db"));
                 var rs = other.createStatement().executeQuery("PRAGMA journal_mode")) {
                assertThat(rs.getString(1)).isEqualTo("wal");
            }
        }
    }

    @Test
    void undoRemovesTheReviewAndRestoresTheCard() {
        try (ProgressStore store = ProgressStore.open(home)) {
            store.record(review("c/a", Card.NEW, t0, Rating.GOOD, Set.of()));
            Card first = store.card("c/a").orElseThrow();
            long second = store.record(review("c/a", first, t0.plusSeconds(600), Rating.AGAIN, Set.of("m1")));
            store.undo(second);
            assertThat(store.card("c/a")).contains(first);
            assertThat(store.reviewCount()).isEqualTo(1);
            assertThat(store.revelations()).isEmpty();
        }
    }

    @Test
    void revelationsCountEachMisconceptionAndKeepItsLatestTime() {
        try (ProgressStore store = ProgressStore.open(home)) {
            store.record(review("c/a", Card.NEW, t0, Rating.AGAIN, Set.of("m1", "m2")));
            Card a = store.card("c/a").orElseThrow();
            store.record(review("c/b", Card.NEW, t0.plusSeconds(60), Rating.GOOD, Set.of()));
            store.record(review("c/a", a, t0.plusSeconds(3600), Rating.AGAIN, Set.of("m1")));
            assertThat(store.revelations()).containsExactlyInAnyOrder(
                    new ProgressQueries.Revelations("m1", 2, t0.plusSeconds(3600)),
                    new ProgressQueries.Revelations("m2", 1, t0));
        }
    }

    @Test
    void revelationsKeepTheLatestTimeEvenWhenTheClockWentBack() {
        try (ProgressStore store = ProgressStore.open(home)) {
            store.record(review("c/a", Card.NEW, t0.plusSeconds(3600), Rating.AGAIN, Set.of("m1", "m2")));
            store.record(review("c/b", Card.NEW, t0, Rating.AGAIN, Set.of("m1")));
            store.record(review("c/c", Card.NEW, t0.plusSeconds(60), Rating.AGAIN, Set.of("m2", "m3")));
            assertThat(store.revelations()).containsExactlyInAnyOrder(
                    new ProgressQueries.Revelations("m1", 2, t0.plusSeconds(3600)),
                    new ProgressQueries.Revelations("m2", 2, t0.plusSeconds(3600)),
                    new ProgressQueries.Revelations("m3", 1, t0.plusSeconds(60)));
        }
    }

    @Test
    void aReadOnlyOpenSeesWhatTheStoreCommitted() {
        try (ProgressStore store = ProgressStore.open(home)) {
            store.record(review("c/a", Card.NEW, t0, Rating.AGAIN, Set.of("m1")));
            try (ProgressQueries reader = ProgressQueries.openReadOnly(home)) {
                assertThat(reader.reviewCount()).isEqualTo(1);
                assertThat(reader.revelations()).extracting(ProgressQueries.Revelations::misconception).containsExactly("m1");
                store.record(review("c/b", Card.NEW, t0.plusSeconds(60), Rating.GOOD, Set.of()));
                assertThat(reader.reviewCount()).as("a later commit").isEqualTo(2);
            }
        }
    }

    @Test
    void aReadOnlyOpenOfAHomeWithoutADatabaseIsAnEmptyLogAndCreatesNothing() {
        Path empty = home.resolve("nothing-yet");
        try (ProgressQueries reader = ProgressQueries.openReadOnly(empty)) {
            assertThat(reader.reviewCount()).isZero();
            assertThat(reader.nextDue()).isEmpty();
        }
        assertThat(empty).doesNotExist();
    }

    @Test
    void aReadOnlyOpenReadsADatabaseWhoseWriteAheadLogCannotBeMade() throws Exception {
        try (ProgressStore store = ProgressStore.open(home)) {
            store.record(review("c/a", Card.NEW, t0, Rating.GOOD, Set.of()));
        }
        // what a read-only directory does to a reader (and what root, whom permissions do not
        // stop, can still be shown): the write-ahead log and its index cannot be created
        for (String suffix : List.of("-wal", "-shm")) {
            Path journal = home.resolve(ProgressStore.FILE + suffix);
            Files.deleteIfExists(journal);
            Files.createDirectory(journal);
        }
        try (ProgressQueries reader = ProgressQueries.openReadOnly(home)) {
            assertThat(reader.reviewCount()).isEqualTo(1);
            assertThat(reader.card("c/a")).isPresent();
        }
    }

    @Test
    void undoOfTheOnlyReviewMakesTheCardNewAgain() {
        try (ProgressStore store = ProgressStore.open(home)) {
            long id = store.record(review("c/a", Card.NEW, t0, Rating.GOOD, Set.of()));
            store.undo(id);
            assertThat(store.card("c/a")).isEmpty();
            assertThat(store.cards()).isEmpty();
        }
    }

    @Test
    void revealedMisconceptionsAndRightAnswersAreQueryable() {
        try (ProgressStore store = ProgressStore.open(home)) {
            store.record(review("c/a", Card.NEW, t0, Rating.AGAIN, Set.of("m1")));
            store.record(review("c/b", Card.NEW, t0.plusSeconds(86_400), Rating.GOOD, Set.of()));
            assertThat(store.revelations()).extracting(ProgressQueries.Revelations::misconception).containsExactly("m1");
            assertThat(store.rightAnswersAfter(Set.of("c/b"), t0)).containsExactly(t0.plusSeconds(86_400));
        }
    }

    @Test
    void reopeningKeepsEverything() {
        try (ProgressStore store = ProgressStore.open(home)) {
            store.record(review("c/a", Card.NEW, t0, Rating.GOOD, Set.of()));
        }
        try (ProgressStore store = ProgressStore.open(home)) {
            assertThat(store.reviewCount()).isEqualTo(1);
        }
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedAndLeftUntouched() throws Exception {
        Path db = home.resolve("progress.db");
        Files.writeString(db, "this is not a database, just text that a user put here by mistake\n".repeat(20));
        byte[] before = Files.readAllBytes(db);
        assertThatThrownBy(() -> ProgressStore.open(home)).isInstanceOf(QuizcardException.class)
                .hasMessageStartingWith(db + ": cannot open the progress database");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void aSchemaFromANewerQuizcardIsRefused() throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("progress.db"))) {
            c.createStatement().execute("PRAGMA user_version = 99");
        }
        assertThatThrownBy(() -> ProgressStore.open(home)).hasMessageContaining("written by a newer quizcard (schema 99");
    }

    @Test
    void aForeignSqliteDatabaseIsRefused() throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("progress.db"))) {
            c.createStatement().execute("CREATE TABLE photos (id INTEGER)");
        }
        assertThatThrownBy(() -> ProgressStore.open(home)).hasMessageContaining("not a quizcard progress database");
    }
}
