package org.quizcard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.srs.Fsrs;
import org.quizcard.srs.SchedulerConfig;
import org.quizcard.store.ProgressStore;

/**
 * Several sessions (each its own connection, as separate processes have) opening one new
 * database at the same instant and recording reviews as fast as they can, with undos between:
 * every review is kept, and no "database is locked" escapes.
 */
class ConcurrentStoreTest {
    private static final int SESSIONS = 6;
    private static final int REVIEWS = 150;

    @TempDir
    Path home;

    @Test
    void concurrentSessionsOnANewDatabaseLoseNothing() throws Exception {
        Fsrs fsrs = new Fsrs(SchedulerConfig.defaults().withEnableFuzz(false).withZone(ZoneOffset.UTC));
        Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
        CyclicBarrier start = new CyclicBarrier(SESSIONS);
        ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int s = 0; s < SESSIONS; s++) {
                int session = s;
                done.add(pool.submit(() -> {
                    start.await();
                    int kept = 0;
                    try (ProgressStore store = ProgressStore.open(home)) {
                        for (int i = 0; i < REVIEWS; i++) {
                            long id = store.record(BackupRestoreTest.review(fsrs, "s" + session + "/q" + i, t0.plusSeconds(i)));
                            if (i % 10 == 9) store.undo(id);
                            else kept++;
                            store.cards();
                        }
                    }
                    return kept;
                }));
            }
            long expected = 0;
            for (Future<Integer> f : done) expected += f.get(120, TimeUnit.SECONDS);
            try (ProgressStore store = ProgressStore.open(home)) {
                assertThat(store.reviewCount()).isEqualTo(expected);
                assertThat(store.cards()).hasSize((int) expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Sessions that open the same new file at the same moment all get in: turning on the
     * write-ahead log is the one step where SQLite can answer busy without waiting, and the store
     * then asks again.
     */
    @Test
    void sessionsStartingTogetherOnANewFileAllOpenIt(@TempDir Path dir) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
        try {
            for (int round = 0; round < 100; round++) {
                Path fresh = Files.createDirectory(dir.resolve("home" + round));
                CyclicBarrier start = new CyclicBarrier(SESSIONS);
                List<Future<Integer>> opened = new ArrayList<>();
                for (int s = 0; s < SESSIONS; s++) {
                    opened.add(pool.submit(() -> {
                        start.await();
                        try (ProgressStore store = ProgressStore.open(fresh)) {
                            return store.cards().size();
                        }
                    }));
                }
                for (Future<Integer> f : opened) assertThat(f.get(60, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
