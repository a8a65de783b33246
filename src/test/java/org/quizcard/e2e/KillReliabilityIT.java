package org.quizcard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * quizcard killed with SIGKILL at random moments of scripted sessions (during start-up, the
 * daily backup, answering): every answer confirmed before the kill is in the log, nothing more
 * than was typed, and the database passes {@code PRAGMA integrity_check}. Then two sessions on
 * one database at once: no review lost, no "database is locked" reaching the learner.
 */
class KillReliabilityIT {
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

    /** Kill runs; {@code -Dquizcard.kills=N} for more. */
    private static final int RUNS = Integer.getInteger("quizcard.kills", 30);
    private static final long SEED = Long.getLong("quizcard.kills.seed", 8L);
    private static final int QUESTIONS = 60;

    @TempDir
    Path work;

    private Path bank() throws IOException {
        Path bank = Files.createDirectories(work.resolve("bank"));
        StringBuilder b = new StringBuilder("id: facts\ntitle: Facts\nsummary: s\nsources: [s]\nquestions:\n");
        for (int i = 1; i <= QUESTIONS; i++) {
            b.append("  - id: f").append(i).append("\n    type: truefalse\n    prompt: Statement ").append(i)
                    .append(" is true.\n    answer: true\n    misconception: m\n    explanation: It is.\n");
        }
        Files.writeString(bank.resolve("facts.yaml"), b);
        Files.writeString(bank.resolve("misconceptions.yaml"), "misconceptions:\n  - id: m\n    claim: c\n"
                + "    seems_right: s\n    correction: c\n    concepts: [facts]\n    sources: [s]\n");
        return bank;
    }

    /**
     * The jar the launcher runs: after one launcher run has built it, sessions start it directly
     * so that a kill always hits the quizcard JVM, never a rebuild another edit set off.
     */
    private static List<String> quizcard(Path bank, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-jar", Launcher.root().resolve("target/quizcard.jar").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--plain", "--bank", bank.toString()));
        return command;
    }

    private static long reviews(Path home) throws Exception {
        Path db = home.resolve("progress.db");
        if (!Files.exists(db)) return 0;
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
             var check = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            assertThat(check.getString(1)).isEqualTo("ok");
            try (var tables = c.createStatement().executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'review'")) {
                // killed before the schema was created: an empty file the next session sets up
                if (tables.getInt(1) == 0) return 0;
            }
            try (var count = c.createStatement().executeQuery("SELECT count(*) FROM review")) {
                return count.getLong(1);
            }
        }
    }

    @Test
    void killedAtRandomMomentsEveryConfirmedAnswerIsKept() throws Exception {
        Path bank = bank();
        Path home = work.resolve("home");
        List<String> command = quizcard(bank, "quiz", "--count", "40");
        SplittableRandom random = new SplittableRandom(SEED);
        long total = 0;
        long start = System.nanoTime();
        for (int run = 0; run < RUNS; run++) {
            if (run % 3 == 0) deleteBackups(home);
            ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
            pb.environment().put("QUIZCARD_HOME", home.toString());
            Process p = pb.start();
            AtomicInteger shown = new AtomicInteger();
            AtomicInteger typed = new AtomicInteger();
            long pause = random.nextInt(25);
            Thread pump = new Thread(() -> answer(p, shown, typed, pause));
            pump.start();
            // even runs die anywhere from start-up on (migration, the daily backup); odd ones
            // while answering
            long delay = random.nextInt(run % 2 == 0 ? 3000 : 1200);
            if (run % 2 == 1) {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (shown.get() == 0 && p.isAlive() && System.nanoTime() < until) Thread.sleep(5);
            }
            Thread.sleep(delay);
            int confirmed = Math.max(0, shown.get() - 1);
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            pump.join(10_000);
            long now = reviews(home);
            String at = "run " + run + " killed " + delay + " ms after " + (run % 2 == 0 ? "start" : "the first question");
            assertThat(now - total).as(at).isBetween((long) confirmed, (long) typed.get());
            total = now;
            for (Path b : org.quizcard.store.Backups.list(home)) {
                org.quizcard.store.Backups.inspect(b);
            }
        }
        assertThat(total).as("the kills let some answers through").isPositive();
        assertThat(System.nanoTime() - start).as("bounded time").isLessThan(TimeUnit.SECONDS.toNanos(150));
    }

    @Test
    void ctrlCInAPlainSessionKeepsEveryConfirmedAnswerAndPrintsTheSummary() throws Exception {
        Path bank = bank();
        Path home = work.resolve("interrupted");
        List<String> command = quizcard(bank, "quiz", "--count", "40");
        SplittableRandom random = new SplittableRandom(SEED + 1);
        long total = 0;
        for (int run = 0; run < 5; run++) {
            Path out = work.resolve("interrupted-" + run + ".txt");
            ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
            pb.environment().put("QUIZCARD_HOME", home.toString());
            Process p = pb.start();
            AtomicInteger shown = new AtomicInteger();
            AtomicInteger typed = new AtomicInteger();
            StringBuilder seen = new StringBuilder();
            Thread pump = new Thread(() -> answer(p, shown, typed, 10, seen));
            pump.start();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (shown.get() < 2 && p.isAlive() && System.nanoTime() < until) Thread.sleep(5);
            Thread.sleep(random.nextInt(300));
            int confirmed = Math.max(0, shown.get() - 1);
            new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            pump.join(10_000);
            String text = seen.toString();
            assertThat(text).as("run " + run).doesNotContain("Exception", "\tat ", "internal error");
            if (p.exitValue() != 0) assertThat(text).as("run " + run + ": the summary still prints").contains("Session summary");
            long now = reviews(home);
            assertThat(now - total).as("run " + run).isBetween((long) confirmed, (long) typed.get());
            total = now;
        }
    }

    /** Answers "1" to every question shown, counting questions shown and answers typed. */
    private static void answer(Process p, AtomicInteger shown, AtomicInteger typed, long pause) {
        answer(p, shown, typed, pause, new StringBuilder());
    }

    private static void answer(Process p, AtomicInteger shown, AtomicInteger typed, long pause, StringBuilder seen) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            OutputStream in = p.getOutputStream();
            String line;
            while ((line = out.readLine()) != null) {
                seen.append(line).append('\n');
                if (line.startsWith("Question ")) {
                    shown.incrementAndGet();
                    Thread.sleep(pause);
                    typed.incrementAndGet();
                    in.write("1\n".getBytes(StandardCharsets.UTF_8));
                    in.flush();
                }
            }
        } catch (IOException | InterruptedException e) {
            // the process was killed under us
        }
    }

    private static void deleteBackups(Path home) throws IOException {
        Path dir = home.resolve("backups");
        if (!Files.isDirectory(dir)) return;
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.delete(f);
        }
    }

    @Test
    void twoSessionsAtOnceLoseNothingAndNeverSayLocked() throws Exception {
        Path bank = bank();
        Path home = work.resolve("shared");
        List<String> command = quizcard(bank, "quiz", "--count", "50");
        String answers = "1\n".repeat(50);
        for (int round = 0; round < 2; round++) {
            long before = reviews(home);
            List<Process> sessions = new ArrayList<>();
            List<Path> outputs = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                Path out = work.resolve("session-" + round + "-" + s + ".txt");
                ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                        .redirectOutput(out.toFile());
                pb.environment().put("QUIZCARD_HOME", home.toString());
                sessions.add(pb.start());
                outputs.add(out);
            }
            for (Process p : sessions) {
                try (OutputStream in = p.getOutputStream()) {
                    in.write(answers.getBytes(StandardCharsets.UTF_8));
                }
            }
            for (int s = 0; s < sessions.size(); s++) {
                Process p = sessions.get(s);
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                String out = Files.readString(outputs.get(s));
                assertThat(p.exitValue()).as(out).isZero();
                assertThat(out).doesNotContainIgnoringCase("locked").doesNotContain("busy");
            }
            assertThat(reviews(home) - before).isEqualTo(150);
        }
    }
}
