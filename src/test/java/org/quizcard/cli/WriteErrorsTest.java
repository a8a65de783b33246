package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Fixtures;

/**
 * A home, database directory or output path that cannot be written is one line naming the
 * directory at fault and why, with exit code 2 and no stack trace. Tests run as root, whom
 * permissions do not stop: a regular file stands where a directory must be created, and
 * {@code /proc} refuses new entries even to root.
 */
class WriteErrorsTest {
    private final String demo = Fixtures.demoDir().toString();
    private final Path course = Path.of("examples/course");

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void aFileInTheWay() throws Exception {
        file = Files.writeString(dir.resolve("a-file"), "not a directory\n");
    }

    /** Runs a command that must fail with exactly {@code message}, on one line, exit 2. */
    private static void fails(CliRunner runner, String message, String... args) {
        CliRunner.Run r = runner.stdin("1\n").run(args);
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("quizcard " + args[0] + ": " + message + "\n");
    }

    private static CliRunner home(Path home) {
        return new CliRunner().env("QUIZCARD_HOME", home.toString());
    }

    @Test
    void aHomeThatCannotBeCreatedNamesTheFileInTheWay() {
        Path home = file.resolve("quizcard");
        String expected = home.resolve("progress.db") + ": cannot create the progress database (cannot create directory "
                + file + ": a file is in the way)";
        fails(home(home), expected, "quiz", "--bank", demo, "--count", "1", "--plain");
        fails(home(home), expected, "study", "--bank", demo, "--plain");
        fails(home(home), expected, "quiz", "--bank", demo, "--weakest", "1", "--save", "--plain");
        // the home itself a file
        fails(home(file), file.resolve("progress.db") + ": cannot create the progress database (cannot create directory "
                + file + ": a file is in the way)", "quiz", "--bank", demo, "--count", "1", "--plain");
    }

    @Test
    void aHomeWhereNothingCanBeCreatedNamesTheDirectoryThatRefuses() {
        Path home = Path.of("/proc/quizcard-test-home");
        fails(home(home), home.resolve("progress.db") + ": cannot create the progress database (directory /proc is not "
                + "writable)", "quiz", "--bank", demo, "--count", "1", "--plain");
        Path self = Path.of("/proc/self");
        fails(home(self), self.resolve("progress.db") + ": cannot create the progress database (directory /proc/self "
                + "is not writable)", "study", "--bank", demo, "--plain");
    }

    @Test
    void restoringIntoAHomeThatCannotBeCreatedNamesTheFileInTheWay() throws Exception {
        CliRunner learner = new CliRunner();
        learner.stdin("1\n").run("quiz", "--bank", demo, "--tag", "vm");
        Path backup = learner.home().resolve("progress.db");
        Path home = file.resolve("quizcard");
        fails(home(home), home + ": cannot restore (cannot create directory " + file + ": a file is in the way); nothing "
                + "was changed", "restore", backup.toString());
    }

    @Test
    void aMissingHomeDirectoryIsNamedAndNeverCreated() {
        Path missing = dir.resolve("no-such-user");
        CliRunner runner = new CliRunner().env("QUIZCARD_HOME", "").env("HOME", missing.toString())
                // a relative XDG_DATA_HOME is ignored, as the XDG rules say
                .env("XDG_DATA_HOME", "relative/data");
        fails(runner, "home directory " + missing + " does not exist (HOME): set HOME, or QUIZCARD_HOME to the directory "
                + "where quizcard should keep your progress", "quiz", "--bank", demo, "--count", "1", "--plain");
        fails(runner, "home directory " + missing + " does not exist (HOME): set HOME, or QUIZCARD_HOME to the directory "
                + "where quizcard should keep your progress", "stats", "--bank", demo);
        assertThat(missing).doesNotExist();
        assertThat(Path.of("relative")).doesNotExist();
    }

    @Test
    void anOutputPathThatCannotBeWrittenNamesTheDirectoryAndTheCause() {
        CliRunner runner = new CliRunner();
        String assignment = course.resolve("assignment.yaml").toString();
        String answers = course.resolve("answers/pass.yaml").toString();
        Path blocked = file.resolve("grade.json");
        fails(runner, blocked + ": cannot write (cannot create directory " + file + ": a file is in the way)",
                "grade", assignment, answers, "--json", blocked.toString());
        fails(runner, "/proc/grade.json: cannot write (directory /proc is not writable)",
                "grade", assignment, answers, "--json", "/proc/grade.json");
        fails(runner, "/proc/quizcard-test/grade.xml: cannot write (directory /proc is not writable)",
                "grade", assignment, answers, "--junit", "/proc/quizcard-test/grade.xml");
        fails(runner, "/proc/answers.yaml: cannot write (directory /proc is not writable)",
                "exam", assignment, "--student", "alice", "--template", "--out", "/proc/answers.yaml");
        fails(runner, "/proc/course.key: cannot write the key (directory /proc is not writable)",
                "keygen", "--out", "/proc/course.key");
        fails(runner, file.resolve("course.key") + ": cannot write the key (cannot create directory " + file
                + ": a file is in the way)", "keygen", "--out", file.resolve("course.key").toString());
        CliRunner.Run report = runner.run("report", "--html", "/proc/report.html",
                Path.of("src/test/resources/results/class/alice.json").toString());
        assertThat(report.exit()).isEqualTo(2);
        assertThat(report.err()).isEqualTo("quizcard report: /proc/report.html: cannot write (directory /proc is not "
                + "writable)\n");
    }

    @Test
    void anOutputDirectoryThatCannotBeCreatedNamesTheDirectoryAndTheCause() throws Exception {
        CliRunner runner = new CliRunner();
        Path key = dir.resolve("course.key");
        assertThat(runner.run("keygen", "--out", key.toString()).exit()).isZero();
        CliRunner.Run seal = runner.run("seal", "--key-file", key.toString(), demo, "--out", "/proc/quizcard-sealed");
        assertThat(seal.exit()).isEqualTo(2);
        assertThat(seal.err()).hasLineCount(1).startsWith("quizcard seal: /proc/quizcard-sealed/")
                .endsWith(": cannot write (directory /proc is not writable)\n");
    }
}
