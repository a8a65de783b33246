package org.quizcard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole day's study in a real terminal, from the first question to "Nothing due": Anki's
 * counts that only go down as the learner works, learning steps served in the same sitting but
 * never twice in a row, and an end that says when the next review is.
 */
class StudySessionTmuxIT {
    @TempDir
    Path home;

    @BeforeAll
    static void needsTmux() {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {40, 60, 100, 200})
    void aDaysStudyEndsWithNothingDueAndNeverAsksTheSameQuestionTwiceInARow(int columns) throws Exception {
        Path demo = Launcher.root().resolve("src/test/resources/banks/demo");
        String command = "cd " + home + " && env QUIZCARD_HOME=" + home + " TERM=xterm-256color "
                + Launcher.script() + " study --new 3 --bank " + demo;
        try (Tmux t = Tmux.start(command, columns, 30)) {
            String screen = t.waitFor("Question 1 ");
            assertThat(screen.replaceAll("\\s+", " ")).contains("Question 1 · 3 new · 0 learning · 0 due");
            List<String> asked = new ArrayList<>();
            for (int n = 1; n <= 40; n++) {
                String header = "Question " + n + "  ·";
                // the whole question drawn: its header and, after it, the keys line
                screen = t.waitFor(s -> s.contains(header) && s.substring(s.lastIndexOf(header)).replaceAll("\\s+", " ").contains("q quit")
                        || s.contains("Session summary"), "question " + n);
                if (!screen.contains(header)) break;
                String[] lines = screen.lines().toArray(String[]::new);
                int at = lastLineStarting(lines, header);
                // the header may take several lines in a narrow terminal: it ends with the type
                while (!lines[at].matches(".*(single|multiple|truefalse|text|numeric|order|match|cloze|flashcard)")) at++;
                String prompt = lines[at + 1];
                // the first time any answer (the first option, "1"), rated as the answer earned;
                // the second time the learner rates it Easy, which ends its learning steps
                boolean again = asked.contains(prompt);
                asked.add(prompt);
                String type = lines[at];
                if (type.endsWith("flashcard")) {
                    t.send("Enter");
                    int cards = screen.split("How well did you recall it", -1).length;
                    t.waitFor(s -> s.split("How well did you recall it", -1).length > cards, "the back of the card");
                    t.send(again ? "4" : "1");
                } else if (type.endsWith("single") || type.endsWith("truefalse") || type.endsWith("multiple")) {
                    t.send("1");
                    if (type.endsWith("multiple")) t.send("Enter");
                } else if (type.endsWith("cloze")) {
                    t.type("1");
                    t.send("Enter");
                    int blanks = screen.split("Blank 2 of 2>", -1).length;
                    t.waitFor(s -> s.split("Blank 2 of 2>", -1).length > blanks, "the second blank");
                    t.type("1");
                    t.send("Enter");
                } else {
                    t.type("1");
                    t.send("Enter");
                }
                int answered = n;
                t.waitFor(s -> s.split("Enter next", -1).length - 1 >= answered, "feedback " + n);
                if (again && !type.endsWith("flashcard")) {
                    t.send("4");
                    t.waitFor(s -> s.lines().anyMatch(l -> l.contains("[4 Easy")), "the rating changed to Easy");
                }
                t.send("Enter");
            }
            screen = t.waitFor(s -> s.replaceAll("\\s+", " ").contains("Nothing due, next review at")
                    || s.contains("run 'quizcard study'"), "the end of the session");
            assertThat(screen.replaceAll("\\s+", " ")).contains("Nothing due, next review at")
                    .doesNotContain("run 'quizcard study' again");
            for (int i = 1; i < asked.size(); i++) {
                assertThat(asked.get(i)).as("question " + (i + 1) + " is not the one before it again")
                        .isNotEqualTo(asked.get(i - 1));
            }
            assertThat(asked.size()).as("learning steps came back in the same sitting").isGreaterThan(3);
            assertThat(t.wrappedLines()).as("lines the terminal had to wrap").isEmpty();
        }
    }

    private static int lastLineStarting(String[] lines, String prefix) {
        for (int i = lines.length - 1; i >= 0; i--) if (lines[i].startsWith(prefix)) return i;
        throw new AssertionError("no line starts with " + prefix);
    }

    @Test
    void aResizeRedrawsTheQuestionAndTheFeedbackForTheNewWidth() throws Exception {
        Path demo = Launcher.root().resolve("src/test/resources/banks/demo");
        String command = "cd " + home + " && env QUIZCARD_HOME=" + home + " TERM=xterm-256color "
                + Launcher.script() + " quiz --tag vm --bank " + demo;
        try (Tmux t = Tmux.start(command, 100, 30)) {
            t.waitFor("Question 1 of 1");
            t.resize(40, 20);
            // redrawn by quizcard, not reflowed by the terminal: the statement cut at a word
            assertClean(visibleWhen(t, v -> v.contains("Question 1 of 1") && v.contains("\nmachine.")), 40,
                    "Question 1 of 1");
            t.send("1");
            t.waitFor("Enter next");
            t.resize(60, 20);
            assertClean(visibleWhen(t, v -> v.contains("✗ Wrong") && v.replaceAll("\\s+", " ").contains("q quit")
                    && v.lines().allMatch(l -> l.stripTrailing().length() <= 60)), 60, "✗ Wrong");
        }
    }

    /** What the window shows once {@code ready} holds (waiting up to 20 s). */
    private static String visibleWhen(Tmux t, java.util.function.Predicate<String> ready) throws Exception {
        String visible = "";
        for (int i = 0; i < 200; i++) {
            visible = t.visible();
            if (ready.test(visible)) return visible;
            Thread.sleep(100);
        }
        throw new AssertionError("the window never showed the redrawn screen:\n" + visible);
    }

    /** The window holds no line wider than it, and {@code once} exactly once: nothing stale was left. */
    private static void assertClean(String visible, int columns, String once) {
        assertThat(visible.lines()).allSatisfy(l -> assertThat(l.stripTrailing().length()).isLessThanOrEqualTo(columns));
        assertThat(visible.split(java.util.regex.Pattern.quote(once), -1)).as(once + " shown once").hasSize(2);
    }
}
