package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quizcard.bank.Fixtures;

/**
 * The commands outside a session on a terminal 40 to 200 columns wide: no line longer than the
 * terminal, every line of the output to a pipe still there word for word, its continuation lines
 * indented under the text they continue; the forecast and the mastery table narrowed to fit.
 */
class CommandWidthTest {
    /** A learner with a log: answers to the shipped banks, some wrong, so misconceptions are active. */
    private static final CliRunner LEARNER = new CliRunner();

    @TempDir
    static Path dir;

    @BeforeAll
    static void answerSomeQuestions() {
        CliRunner.Run quiz = LEARNER.width(0).stdin("1\n".repeat(60)).run("quiz", "--count", "30", "--seed", "1");
        assertThat(quiz.exit()).as(quiz.err()).isZero();
        assertThat(LEARNER.run("misconceptions").out()).contains("(active;");
    }

    private static CliRunner.Run run(int width, String... args) {
        CliRunner.Run run = LEARNER.width(width).run(args);
        assertThat(run.exit()).as(run.err()).isIn(0, 1);
        return run;
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {40, 60, 100, 200})
    void misconceptionsWrapTheirBeliefsAndCorrectionsUnderTheText(int width) {
        String plain = run(0, "misconceptions").out();
        String laid = run(width, "misconceptions").out();
        assertLaidOut(plain, laid, width, "  Belief:  ", "  Correct: ");
        if (width < 200) assertThat(laid.lines().count()).isGreaterThan(plain.lines().count());
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {40, 60, 100, 200})
    void showWrapsPromptOptionsAnswerAndExplanation(int width) {
        for (String ref : List.of("containers/what-is-a-container", "cgroups/use-versus-see", "cgroups/controllers",
                "cgroups/cgroup-hides-processes", "virtual-memory/offset-bits", "emulation/tcg-steps")) {
            assertLaidOut(run(0, "show", ref).out(), run(width, "show", ref).out(), width, "Answer: ", "Explanation: ",
                    "Probes: ", "Hint: ", "Sources: ", "  ✓ 1. ", "    1. ", "    2. ", "  ✓ 2. ", "    3. ", "  ✓ 3. ");
        }
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {40, 60, 100, 200})
    void listWrapsTypesAndClaimsKeepingEachTypeCountWhole(int width) {
        String laid = run(width, "list").out();
        assertLaidOut(run(0, "list").out(), laid, width);
        assertThat(laid).doesNotContainPattern("(single|multiple|truefalse|text|numeric|order|match|cloze|flashcard)\n");
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {40, 60, 100, 200})
    void listOfQuestionsShortensPromptsToTheRoomLeft(int width) {
        String plain = run(0, "list", "--questions").out();
        String laid = run(width, "list", "--questions").out();
        assertFits(laid, width);
        long questions = plain.lines().count();
        if (width == 200) {
            assertThat(laid).isEqualTo(plain);
        } else if (width == 100) {
            assertThat(laid.lines().count()).as("one line a question").isEqualTo(questions);
        } else {
            // the id and type on a line, the start of the prompt under them
            assertThat(laid.lines().filter(l -> l.startsWith("    ") && !l.startsWith("     ")).count())
                    .isEqualTo(questions);
        }
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {40, 60, 100, 200})
    void lintMessagesContinueUnderTheMessageOrJustInside(int width) throws Exception {
        Path bank = Fixtures.copyDemo(dir.resolve("lint-" + width));
        Path file = bank.resolve("containers.yaml");
        Files.writeString(file, Files.readString(file)
                .replace("A kernel the runtime boots in a lightweight virtual machine", "All of the above")
                .replace("title: Containers", "title: Containers\ntitle: Again"));
        String plain = LEARNER.width(0).run("lint", bank.toString()).out();
        String laid = LEARNER.width(width).run("lint", bank.toString()).out();
        assertThat(plain).contains("warning: ");
        String place = plain.lines().filter(l -> l.contains("warning: ")).findFirst().orElseThrow();
        assertLaidOut(plain, laid, width, place.substring(0, place.indexOf("warning: ")));
    }

    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {40, 60, 100, 200})
    void statsNarrowsTheForecastAndTheMasteryTableToFit(int width) {
        String plain = run(0, "stats").out();
        String laid = run(width, "stats").out();
        assertFits(laid, width);
        // six rows of bars, the axis, the labels
        List<String> chart = laid.lines().dropWhile(l -> !l.startsWith("Due in the next")).skip(1).limit(8).toList();
        if (width >= 100) {
            assertThat(laid).as("wide enough for today's layout").isEqualTo(plain);
            assertThat(chart.get(6)).isEqualTo("   0 └" + "─".repeat(62));
        } else {
            assertThat(laid).contains("Due in the next 30 days (a column a day)\n");
            assertThat(chart.get(6)).as("the axis: a column a day").isEqualTo("   0 └" + "─".repeat(31));
            assertThat(chart.get(7)).endsWith("+30d").hasSize(6 + 31);
        }
        if (width == 40) {
            // the mastery table: each concept's title on a line, its bar and figures under it
            assertThat(laid).containsPattern("\n  Containers\n    [█░]{5,20}  +\\d+%  seen \\d+/\\d+, mature \\d+\n");
        }
        assertHangs(plain, laid, "True retention (30 days): ", width);
    }

    /** simulate's table and config's columns become lines of their own where the columns do not fit. */
    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {40, 60, 100, 200})
    void simulateAndConfigFitTheTerminal(int width) {
        CliRunner.Run simulate = run(width, "simulate", "--days", "30");
        assertFits(simulate.out(), width);
        assertThat(simulate.out()).contains(width >= 70 ? "  retention  reviews/day" : "reviews/day, ");
        CliRunner.Run config = run(width, "config");
        assertFits(config.out(), width);
        assertThat(config.out()).contains(width >= 50 ? "  fuzz               true         default" : "  fuzz true (default)");
    }

    /** No line of {@code text} is longer than {@code width}. */
    static void assertFits(String text, int width) {
        assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(width));
    }

    /**
     * {@code laid} is {@code plain} laid out to {@code width}: no line longer, each line of the
     * plain text followed by its continuation lines, which together hold its words in order and
     * all start at one column, at or past the line's own margin; a line starting with one of
     * {@code leads} continues under the text after the lead, or 4 columns past its margin where
     * that would leave the text fewer than 20.
     */
    static void assertLaidOut(String plain, String laid, int width, String... leads) {
        assertFits(laid, width);
        List<String> wrapped = laid.lines().toList();
        int next = 0;
        for (String line : plain.lines().toList()) {
            assertThat(next).as("the laid-out text ends before: " + line).isLessThan(wrapped.size());
            String first = wrapped.get(next++);
            assertThat(margin(first)).as(first).isEqualTo(margin(line));
            String words = normal(line);
            String got = normal(first);
            int indent = -1;
            while (!got.equals(words)) {
                assertThat(next).as("the laid-out text ends within: " + line).isLessThan(wrapped.size());
                String continuation = wrapped.get(next++);
                if (indent < 0) indent = margin(continuation);
                assertThat(margin(continuation)).as("the continuation of " + line).isEqualTo(indent)
                        .isGreaterThanOrEqualTo(margin(line));
                // a word longer than a line is cut; any other break is at a space
                got = words.startsWith(got + " " + normal(continuation)) ? got + " " + normal(continuation)
                        : got + normal(continuation);
                assertThat(words).as("the words of " + line).startsWith(got);
            }
            for (String lead : leads) {
                if (indent >= 0 && line.startsWith(lead)) {
                    int hang = lead.length() + Page.MIN_TEXT <= width ? lead.length() : margin(line) + Page.STEP;
                    assertThat(indent).as("the continuation of " + line).isEqualTo(hang);
                }
            }
        }
        assertThat(wrapped.subList(next, wrapped.size())).as("lines beyond the plain text").isEmpty();
    }

    /** The line starting with {@code lead}, when too long, continues under the text after it, or just inside. */
    private static void assertHangs(String plain, String laid, String lead, int width) {
        String line = plain.lines().filter(l -> l.startsWith(lead)).findFirst().orElseThrow();
        List<String> lines = laid.lines().toList();
        int at = lines.indexOf(lines.stream().filter(l -> l.startsWith(lead)).findFirst().orElseThrow());
        if (line.length() <= width) {
            assertThat(lines.get(at)).isEqualTo(line);
        } else {
            int hang = lead.length() + Page.MIN_TEXT <= width ? lead.length() : Page.STEP;
            assertThat(margin(lines.get(at + 1))).as(lines.get(at + 1)).isEqualTo(hang);
        }
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static String normal(String line) {
        return SPACES.matcher(line.strip()).replaceAll(" ");
    }

    private static int margin(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') n++;
        return n == line.length() ? 0 : n;
    }
}
