package org.quizcard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher as a user runs it: from any directory, on the shipped banks, with one-line errors. */
class LauncherIT {
    @TempDir
    Path work;

    private Map<String, String> env() {
        return Map.of("QUIZCARD_HOME", work.resolve("home").toString());
    }

    @Test
    void listsTheShippedBanksFromAnyDirectory() throws Exception {
        Launcher.Run run = Launcher.run(work, env(), "", "list", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("{\"concepts\":[{\"id\":");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aQuizThroughTheLauncherPrintsTheQuizAndNothingElse() throws Exception {
        // the launcher's JVM flags and sqlite-jdbc's logging must add no warning to a session
        Launcher.Run run = Launcher.run(work, env(), "", "quiz", "--plain", "--count", "1");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Question 1 of 1", "Session summary");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void lintPassesOnTheShippedBanks() throws Exception {
        Launcher.Run run = Launcher.run(work, env(), "", "lint");
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("0 errors, 0 warnings");
    }

    @Test
    void lintLocatesABrokenFileAndNeverPrintsAStackTrace() throws Exception {
        Path bank = Files.createDirectories(work.resolve("bank"));
        Files.writeString(bank.resolve("broken.yaml"), "id: broken\ntitle: [unclosed\n");
        Launcher.Run run = Launcher.run(work, env(), "", "lint", "bank/broken.yaml");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("bank/broken.yaml:2:17: invalid YAML");
        assertThat(run.out() + run.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void versionWorks() throws Exception {
        Launcher.Run run = Launcher.run(work, env(), "", "--version");
        assertThat(run.out()).startsWith("quizcard ");
    }
}
