package org.quizcard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The commands outside a session in a real terminal of 40 to 200 columns: quizcard lays every
 * line out itself, so the terminal never has to wrap one (mid-word, with no indent).
 */
class CommandWidthTmuxIT {
    private static final String END = "quizcard-width-test-end";

    @TempDir
    static Path home;

    @BeforeAll
    static void aLearnerWithMisconceptions() throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
        // answers through the real command, the first option or "1" every time: some are wrong
        Launcher.Run quiz = Launcher.run(home, Map.of("QUIZCARD_HOME", home.toString()), "1\n".repeat(60),
                "quiz", "--plain", "--count", "30", "--seed", "1");
        assertThat(quiz.exit()).as(quiz.err()).isZero();
        Launcher.Run misconceptions = Launcher.run(home, Map.of("QUIZCARD_HOME", home.toString()), "", "misconceptions");
        assertThat(misconceptions.out()).contains("(active;");
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {40, 60, 100, 200})
    void statsMisconceptionsShowAndListFitTheTerminal(int columns) throws Exception {
        String quizcard = "env QUIZCARD_HOME=" + home + " TERM=xterm-256color " + Launcher.script();
        String command = "cd " + home + " && " + quizcard + " stats && " + quizcard + " misconceptions && "
                + quizcard + " show containers/what-is-a-container && " + quizcard + " list --questions; echo " + END;
        try (Tmux t = Tmux.start(command, columns, 40)) {
            t.waitFor(s -> s.lines().anyMatch(l -> l.startsWith(END)), "the commands to finish");
            String screen = t.screen(false);
            assertThat(t.wrappedLines()).as("lines the terminal had to wrap").isEmpty();
            String all = String.join("\n", t.history());
            assertThat(all).contains("Study now: ", "  Belief:  ", "Explanation: ", "containers/what-is-a-container");
            assertThat(all.contains("Due in the next 30 days (a column a day)")).as(screen).isEqualTo(columns < 68);
        }
    }
}
