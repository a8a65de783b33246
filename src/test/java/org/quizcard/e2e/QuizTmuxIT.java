package org.quizcard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real launcher in a real terminal (tmux): keys in, screen out. */
class QuizTmuxIT {
    @TempDir
    Path home;

    @BeforeAll
    static void needsTmux() {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
    }

    private String command(String env, String args) {
        Path demo = Launcher.root().resolve("src/test/resources/banks/demo");
        return "cd " + home + " && env QUIZCARD_HOME=" + home + " TERM=xterm-256color " + env + " "
                + Launcher.script() + " " + args + " --bank " + demo;
    }

    @Test
    void aLearnerAnsweringBadlySeesTheRefutationAndTheSummary() throws Exception {
        try (Tmux t = Tmux.start(command("", "quiz --tag vm"))) {
            t.waitFor("Question 1 of 1");
            t.send("1");
            String screen = t.waitFor("Enter next");
            assertThat(screen).contains("✗ Wrong", "You picked: 1/a True", "Misconception:",
                    "A container is a lightweight virtual machine.", "Why it seems right:", "What is true:",
                    "[1 Again 1m] suggested · 2 Hard 6m · 3 Good 10m · 4 Easy");
            assertThat(t.screen(true)).containsPattern("\u001b\\[[0-9;]*3[1-6]m");
            t.send("Enter");
            screen = t.waitFor("Practise next:");
            assertThat(screen).contains("Session summary", "Answered 1 of 1", "Misconceptions this session revealed");
        }
    }

    @Test
    void arrowKeysAndTypedAnswersInOneSession() throws Exception {
        try (Tmux t = Tmux.start(command("", "quiz --concept containers --count 9 --seed 4"))) {
            for (int i = 1; i <= 9; i++) {
                String header = "Question " + i + " of 9";
                String screen = t.waitFor(header);
                String type = screen.lines().filter(l -> l.startsWith(header)).reduce((a, b) -> b).orElseThrow();
                if (type.endsWith("single") || type.endsWith("truefalse")) {
                    t.send("Down", "Enter");
                } else if (type.endsWith("multiple")) {
                    t.send("1", "Enter");
                } else if (type.endsWith("flashcard")) {
                    t.send("Enter");
                    int cards = screen.split("How well did you recall it", -1).length;
                    t.waitFor(s -> s.split("How well did you recall it", -1).length > cards, "the back of the card");
                    t.send("3");
                } else if (type.endsWith("cloze")) {
                    t.type("use");
                    t.send("Enter");
                    int blanks = screen.split("Blank 2 of 2>", -1).length;
                    t.waitFor(s -> s.split("Blank 2 of 2>", -1).length > blanks, "the second blank");
                    t.type("see");
                    t.send("Enter");
                } else if (type.endsWith("numeric")) {
                    t.type("1 kernel");
                    t.send("Enter");
                } else if (type.endsWith("order")) {
                    t.type("1 2 3 4");
                    t.send("Enter");
                } else if (type.endsWith("match")) {
                    t.type("1a 2b 3c");
                    t.send("Enter");
                } else {
                    t.type("processes");
                    t.send("Enter");
                }
                int answered = i;
                t.waitFor(s -> s.split("Enter next", -1).length - 1 >= answered, "feedback " + i);
                t.send("Enter");
            }
            String screen = t.waitFor("Session summary");
            assertThat(screen).contains("Answered 9 of 9");
        }
    }

    @Test
    void ctrlCEndsTheSessionWithItsSummary() throws Exception {
        try (Tmux t = Tmux.start(command("", "quiz --count 3"))) {
            // the whole question drawn: the keys are being read
            t.waitFor(s -> s.contains("Question 1 of 3") && s.substring(s.indexOf("Question 1 of 3")).contains("q quit"),
                    "the first question");
            t.send("C-c");
            String screen = t.waitFor("Session summary");
            assertThat(screen).contains("Answered 0 of 3").doesNotContain("Exception");
        }
    }

    @Test
    void noColorTurnsColoursOff() throws Exception {
        assertNoColours(command("NO_COLOR=1", "quiz --tag vm"));
    }

    @Test
    void theNoColorOptionTurnsColoursOffWhereverItIsGiven() throws Exception {
        assertNoColours(command("", "quiz --tag vm --no-color"));
        assertNoColours(command("", "--no-color quiz --tag vm"));
    }

    private void assertNoColours(String command) throws Exception {
        try (Tmux t = Tmux.start(command)) {
            t.waitFor("Question 1 of 1");
            t.send("1");
            t.waitFor("What is true:");
            String styled = t.screen(true);
            assertThat(styled).doesNotContainPattern("\u001b\\[[0-9;]*(3[0-7]|38;[25];[0-9;]+|9[0-7])m");
            assertThat(styled).contains("✗ Wrong");
        }
    }

    /**
     * Closing the terminal window (tmux sends the session SIGHUP) while the feedback is on screen
     * loses neither the answer nor a rating the learner changed there.
     */
    @Test
    void closingTheTerminalDuringTheFeedbackKeepsTheAnswerAndItsRating() throws Exception {
        try (Tmux t = Tmux.start(command("", "quiz --tag vm"))) {
            t.waitFor("Question 1 of 1");
            t.send("1");
            t.waitFor("Enter next");
        }
        assertThat(lastRating(1)).as("the wrong answer, rated Again").isEqualTo(1);
        try (Tmux t = Tmux.start(command("", "quiz --tag vm"))) {
            t.waitFor("Question 1 of 1");
            t.send("1");
            t.waitFor("Enter next");
            t.send("4");
            t.waitFor("[4 Easy");
        }
        assertThat(lastRating(2)).as("the rating changed to Easy before the window closed").isEqualTo(4);
    }

    /** The rating of the newest review, once the log holds {@code reviews} of them. */
    private int lastRating(int reviews) throws Exception {
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + home.resolve("progress.db"));
             var st = db.createStatement()) {
            try (var rs = st.executeQuery("SELECT count(*) FROM review")) {
                assertThat(rs.getInt(1)).isEqualTo(reviews);
            }
            try (var rs = st.executeQuery("SELECT rating FROM review ORDER BY id DESC LIMIT 1")) {
                return rs.getInt(1);
            }
        }
    }
}
