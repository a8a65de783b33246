package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Fixtures;

/**
 * {@code NO_COLOR} and {@code --no-color} on every command: no escape sequence reaches stdout or
 * stderr, in a command's work, its errors, or its help. Help is the one output in colour off a
 * session, on a terminal: that is where the option and the variable must bite.
 */
class NoColorTest {
    private static final String ESC = "\u001b";
    private final String demo = Fixtures.demoDir().toString();
    private final Path course = Path.of("examples/course");

    @TempDir
    Path dir;

    /** Every command (and every subcommand Main knows) at work with NO_COLOR set: exit as expected, no escape. */
    @Test
    void everyCommandAtWorkWithNoColorPrintsNoEscape() throws Exception {
        CliRunner learner = new CliRunner().env("NO_COLOR", "1");
        Path key = dir.resolve("course.key");
        Path answers = dir.resolve("answers.yaml");
        Path result = dir.resolve("pass.json");
        Files.writeString(dir.resolve("reviews.csv"), "card,reviewed_at,rating\nc1,2026-11-01T10:00:00.000Z,3\n");
        List<List<String>> runs = List.of(
                List.of("--version"),
                List.of("study", "--bank", demo, "--new", "2"),
                List.of("quiz", "--bank", demo, "--tag", "vm"),
                List.of("quiz", "--bank", demo, "--weakest", "1"),
                List.of("stats", "--bank", demo),
                List.of("stats", "--json", "--bank", demo),
                List.of("misconceptions", "--all", "--bank", demo),
                List.of("replay", dir.resolve("reviews.csv").toString()),
                List.of("exam", course.resolve("assignment.yaml").toString(), "--student", "alice", "--template",
                        "--out", answers.toString()),
                List.of("grade", course.resolve("assignment.yaml").toString(),
                        course.resolve("answers/pass.yaml").toString(), "--github", "--json", result.toString()),
                List.of("report", result.toString()),
                List.of("keygen", "--out", key.toString()),
                List.of("seal", "--key-file", key.toString(), demo, "--out", dir.resolve("sealed").toString()),
                List.of("list", "--bank", demo),
                List.of("show", "--bank", demo, "containers/oci"),
                List.of("lint", "--changed", "--bank", demo),
                List.of("restore"),
                List.of("optimize", "--dry-run"),
                List.of("optimize", "--list"),
                List.of("simulate", "--bank", demo, "--days", "30"),
                List.of("config"),
                List.of("config", "--json"),
                List.of("export", demo, "--format", "gift", "--out", dir.resolve("demo.gift").toString()),
                List.of("import", dir.resolve("demo.gift").toString(), "--out", dir.resolve("imported").toString()),
                List.of("completion", "bash"));
        Set<String> commands = new LinkedHashSet<>();
        for (List<String> args : runs) {
            CliRunner.Run r = learner.stdin("1\n1\n").run(args.toArray(String[]::new));
            assertThat(r.exit()).as(args + ": " + r.err()).isZero();
            assertThat(r.out() + r.err()).as(String.join(" ", args)).doesNotContain(ESC);
            commands.add(args.get(0));
        }
        assertThat(commands).containsAll(Main.commandNames()).contains("completion");
    }

    @Test
    void everyCommandsErrorsWithNoColorPrintNoEscape() {
        for (String command : commandsAndRoot()) {
            CliRunner.Run r = new CliRunner().env("NO_COLOR", "1").run(args(command, "--no-such-option"));
            assertThat(r.exit()).as(command).isEqualTo(2);
            assertThat(r.err()).as(command).startsWith("quizcard").doesNotContain(ESC);
        }
    }

    /** On a terminal help is in colour, unless NO_COLOR (not empty) or --no-color, given to any command, says no. */
    @Test
    void helpOnATerminalHasColourUnlessNoColorOrTheOptionSaysNo() {
        for (String command : commandsAndRoot()) {
            assertThat(help(command, null).out()).as(command + " on a terminal").contains(ESC);
            assertThat(help(command, "").out()).as(command + " with NO_COLOR empty, which no-color.org ignores")
                    .contains(ESC);
            CliRunner.Run noColor = help(command, "1");
            assertThat(noColor.exit()).isZero();
            assertThat(noColor.out()).as(command + " with NO_COLOR").contains("Usage: quizcard").doesNotContain(ESC);
            CliRunner.Run option = terminal(null).run(args(command, "--help", "--no-color"));
            assertThat(option.exit()).isZero();
            assertThat(option.out()).as(command + " --no-color").contains("Usage: quizcard").doesNotContain(ESC);
        }
        assertThat(terminal(null).run("--no-color", "stats", "--help").out()).as("before the command")
                .doesNotContain(ESC);
        assertThat(terminal(null).env("TERM", "dumb").run("--help").out()).as("TERM=dumb").doesNotContain(ESC);
        assertThat(new CliRunner().env("TERM", "xterm").run("--help").out()).as("not a terminal").doesNotContain(ESC);
    }

    @Test
    void everyCommandAcceptsNoColor() {
        for (String command : commandsAndRoot()) {
            CliRunner.Run r = new CliRunner().run(args(command, "--no-color", "--help"));
            assertThat(r.exit()).as(command + ": " + r.err()).isZero();
            assertThat(r.out()).as(command).contains("--no-color");
        }
    }

    private static CliRunner terminal(String noColor) {
        CliRunner runner = new CliRunner().interactive(true).env("TERM", "xterm-256color");
        return noColor == null ? runner : runner.env("NO_COLOR", noColor);
    }

    private static CliRunner.Run help(String command, String noColor) {
        return terminal(noColor).run(args(command, "--help"));
    }

    /** The subcommands, and "" for the root command. */
    private static List<String> commandsAndRoot() {
        List<String> all = new ArrayList<>(Main.commandNames());
        all.add("");
        return all;
    }

    private static String[] args(String command, String... rest) {
        List<String> args = new ArrayList<>();
        if (!command.isEmpty()) args.add(command);
        args.addAll(List.of(rest));
        return args.toArray(String[]::new);
    }
}
