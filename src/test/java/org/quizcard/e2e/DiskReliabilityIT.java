package org.quizcard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk and a read-only QUIZCARD_HOME under the real launcher: a clear one-line error,
 * no stack trace, and a database that still passes its integrity check with exactly the
 * answers confirmed before. Both need to mount file systems, so they run only as root (as in
 * the development container) and are skipped elsewhere.
 */
class DiskReliabilityIT {
    /**
     * Builds the jar when the sources are newer (so no session below pays for a build) and loads
     * the SQLite driver the checks use before anything can rebuild the jar under this JVM.
     */
    @org.junit.jupiter.api.BeforeAll
    static void warmUp() throws Exception {
        Class.forName("org.sqlite.JDBC");
        Launcher.Run warm = Launcher.run(Path.of("."), java.util.Map.of(), "", "--version");
        assertThat(warm.exit()).as(warm.err()).isZero();
    }

    @TempDir
    Path work;

    private Path bank() throws IOException {
        Path bank = Files.createDirectories(work.resolve("bank"));
        StringBuilder b = new StringBuilder("id: facts\ntitle: Facts\nsummary: s\nsources: [s]\nquestions:\n");
        for (int i = 1; i <= 40; i++) {
            b.append("  - id: f").append(i).append("\n    type: truefalse\n    prompt: Statement ").append(i)
                    .append(" is true; ").append("padding ".repeat(40)).append("\n    answer: true\n    misconception: m\n")
                    .append("    explanation: It is.\n");
        }
        Files.writeString(bank.resolve("facts.yaml"), b);
        Files.writeString(bank.resolve("misconceptions.yaml"), "misconceptions:\n  - id: m\n    claim: c\n"
                + "    seems_right: s\n    correction: c\n    concepts: [facts]\n    sources: [s]\n");
        return bank;
    }

    private static boolean sh(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static long reviews(Path home) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("progress.db"));
             var check = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            assertThat(check.getString(1)).isEqualTo("ok");
            try (var count = c.createStatement().executeQuery("SELECT count(*) FROM review")) {
                return count.getLong(1);
            }
        }
    }

    private Launcher.Run quiz(Path home, Path bank, int count) throws Exception {
        return Launcher.run(work, Map.of("QUIZCARD_HOME", home.toString()), "1\n".repeat(count),
                "quiz", "--plain", "--count", String.valueOf(count), "--bank", bank.toString());
    }

    @Test
    void aFullDiskIsAClearErrorAndNothingIsHalfWritten() throws Exception {
        Path bank = bank();
        Path small = Files.createDirectories(work.resolve("small"));
        assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=640k", "tmpfs", small.toString()), "cannot mount a tmpfs (not root)");
        try {
            Path home = small.resolve("home");
            Launcher.Run first = quiz(home, bank, 3);
            assertThat(first.exit()).as(first.err()).isZero();
            assertThat(reviews(home)).isEqualTo(3);
            fill(small.resolve("filler"));
            // leave room for the write-ahead log's index and a few answers, not for the backup
            try (var filler = java.nio.channels.FileChannel.open(small.resolve("filler"), java.nio.file.StandardOpenOption.WRITE)) {
                filler.truncate(Math.max(0, filler.size() - 96 * 1024));
            }
            Launcher.Run full = quiz(home, bank, 30);
            int shown = (int) full.out().lines().filter(l -> l.startsWith("Question ")).count();
            assertThat(full.err()).doesNotContain("\tat ", "Exception", "internal error");
            assertThat(full.err().lines()).allMatch(l -> l.startsWith("quizcard"));
            assertThat(shown).as("the session starts on the nearly full disk").isPositive();
            assertThat(full.exit()).as(full.err()).isEqualTo(2);
            // the daily backup that did not fit is a warning; the answer that did not fit, the error
            List<String> lines = full.err().lines().toList();
            assertThat(lines.get(lines.size() - 1)).startsWith("quizcard quiz: " + home.resolve("progress.db") + ": ")
                    .contains("disk is full");
            Files.delete(small.resolve("filler"));
            long after = reviews(home);
            // every answer confirmed (the next question shown) is kept; the failed one is not half there
            assertThat(after - 3).isBetween((long) Math.max(0, shown - 1), (long) shown);
            try (var files = Files.list(home.resolve("backups"))) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".partial"));
            } catch (java.nio.file.NoSuchFileException none) {
                // no backup directory: nothing half-written either
            }
            Launcher.Run again = quiz(home, bank, 2);
            assertThat(again.exit()).as(again.err()).isZero();
            assertThat(reviews(home)).isEqualTo(after + 2);
        } finally {
            sh("umount", small.toString());
        }
    }

    @Test
    void aReadOnlyHomeIsAClearErrorAndTheDatabaseIsUntouched() throws Exception {
        Path bank = bank();
        Path home = Files.createDirectories(work.resolve("home"));
        Launcher.Run first = quiz(home, bank, 3);
        assertThat(first.exit()).as(first.err()).isZero();
        byte[] before = Files.readAllBytes(home.resolve("progress.db"));
        assumeTrue(sh("mount", "--bind", home.toString(), home.toString()), "cannot bind-mount (not root)");
        try {
            assumeTrue(sh("mount", "-o", "remount,bind,ro", home.toString()), "cannot remount read-only");
            Launcher.Run quiz = quiz(home, bank, 3);
            assertThat(quiz.exit()).as(quiz.out() + quiz.err()).isEqualTo(2);
            assertThat(quiz.err()).hasLineCount(1).startsWith("quizcard quiz: ").contains(home.toString())
                    .doesNotContain("Exception");
            // the cause, named: the directory, and why it refuses
            assertThat(quiz.err()).contains("directory " + home + " is not writable");
            for (String command : List.of("stats", "misconceptions")) {
                Launcher.Run r = Launcher.run(work, Map.of("QUIZCARD_HOME", home.toString()), "", command,
                        "--bank", bank.toString());
                assertThat(r.exit()).as(r.err()).isIn(0, 2);
                if (r.exit() == 2) assertThat(r.err()).hasLineCount(1).startsWith("quizcard " + command + ": ");
            }
        } finally {
            sh("umount", home.toString());
        }
        assertThat(Files.readAllBytes(home.resolve("progress.db"))).isEqualTo(before);
        assertThat(reviews(home)).isEqualTo(3);
    }

    private static void fill(Path filler) {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) out.write(block);
        } catch (IOException full) {
            // the disk is full
        }
    }
}
