package org.quizcard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A study session killed with SIGKILL keeps every answer given before the kill. */
class KilledSessionIT {
    @TempDir
    Path work;

    private Path bank() throws Exception {
        Path bank = Files.createDirectories(work.resolve("bank"));
        StringBuilder b = new StringBuilder("id: facts\ntitle: Facts\nsummary: s\nsources: [s]\nquestions:\n");
        for (int i = 1; i <= 12; i++) {
            b.append("  - id: f").append(i).append("\n    type: truefalse\n    prompt: Statement ").append(i)
                    .append(" is true.\n    answer: true\n    misconception: m\n    explanation: It is.\n");
        }
        Files.writeString(bank.resolve("facts.yaml"), b);
        Files.writeString(bank.resolve("misconceptions.yaml"), "misconceptions:\n  - id: m\n    claim: c\n"
                + "    seems_right: s\n    correction: c\n    concepts: [facts]\n    sources: [s]\n");
        return bank;
    }

    @Test
    void everyAnswerGivenBeforeAKillIsInTheLog() throws Exception {
        Path bank = bank();
        Path home = work.resolve("home");
        for (int answers : List.of(1, 4, 7)) {
            ProcessBuilder pb = new ProcessBuilder(Launcher.script().toString(), "study", "--plain", "--new", "12",
                    "--bank", bank.toString()).directory(work.toFile()).redirectErrorStream(true);
            pb.environment().put("QUIZCARD_HOME", home.toString());
            Process p = pb.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            OutputStream in = p.getOutputStream();
            int given = 0;
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("Question ")) {
                    if (given == answers) break;
                    in.write((given % 2 == 0 ? "1\n" : "2\n").getBytes(StandardCharsets.UTF_8));
                    in.flush();
                    given++;
                }
            }
            // the next question is on screen: every answer before it must be committed
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try (var db = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("progress.db"));
                 var count = db.createStatement().executeQuery("SELECT count(*) FROM review");
                 var check = db.createStatement().executeQuery("PRAGMA integrity_check")) {
                assertThat(check.getString(1)).isEqualTo("ok");
                assertThat(count.getInt(1)).isEqualTo(answers + (answers == 1 ? 0 : answers == 4 ? 1 : 5));
            }
        }
    }
}
