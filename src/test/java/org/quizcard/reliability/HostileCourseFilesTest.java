package org.quizcard.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.cli.CliRunner;

/** The hostile corpus as assignment and answers files of {@code quizcard grade}: one line, exit 2. */
class HostileCourseFilesTest {
    private static final Path COURSE = Path.of("examples/course").toAbsolutePath();
    private static final String ASSIGNMENT = COURSE.resolve("assignment.yaml").toString();
    private static final String ANSWERS = COURSE.resolve("answers/pass.yaml").toString();
    private static final Duration LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> asAnAssignment() {
        return HostileFiles.corpus().stream().map(file -> dynamicTest(file.getFileName().toString(), () -> {
            Path copy = Files.copy(file, dir.resolve("assignment-" + file.getFileName()));
            CliRunner.Run run = assertTimeoutPreemptively(LIMIT, () -> new CliRunner().run("grade", copy.toString(), ANSWERS));
            assertThat(run.exit()).as(run.err()).isEqualTo(2);
            HostileBankTest.assertOneLine(run.err(), "quizcard grade: " + copy, copy.toString());
            assertThat(run.out()).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> asAnAnswersFile() {
        return HostileFiles.corpus().stream().map(file -> dynamicTest(file.getFileName().toString(), () -> {
            Path copy = Files.copy(file, dir.resolve("answers-" + file.getFileName()));
            CliRunner.Run run = assertTimeoutPreemptively(LIMIT, () -> new CliRunner().run("grade", ASSIGNMENT, copy.toString()));
            assertThat(run.exit()).as(run.err()).isEqualTo(2);
            HostileBankTest.assertOneLine(run.err(), "quizcard grade: " + copy, copy.toString());
            assertThat(run.out()).isEmpty();
        }));
    }

    @Test
    void directoriesAndMissingFiles() throws Exception {
        Path d = Files.createDirectories(dir.resolve("a-directory.yaml"));
        CliRunner.Run asAssignment = new CliRunner().run("grade", d.toString(), ANSWERS);
        assertThat(asAssignment.exit()).isEqualTo(2);
        assertThat(asAssignment.err()).isEqualTo("quizcard grade: " + d + ": cannot read the file (Is a directory)\n");
        Path missing = dir.resolve("missing.yaml");
        CliRunner.Run asAnswers = new CliRunner().run("grade", ASSIGNMENT, missing.toString());
        assertThat(asAnswers.exit()).isEqualTo(2);
        assertThat(asAnswers.err()).isEqualTo("quizcard grade: " + missing + ": cannot read the file (no such file)\n");
    }

    @Test
    void answersWithInvalidUtf8NameTheLineAndColumn() throws Exception {
        Path file = dir.resolve("answers.yaml");
        Files.write(file, "assignment: containers-week-1\nstudent: octo\\xff\n".replace("\\xff", "")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] bytes = Files.readAllBytes(file);
        byte[] bad = java.util.Arrays.copyOf(bytes, bytes.length + 2);
        bad[bytes.length] = (byte) 0xff;
        bad[bytes.length + 1] = '\n';
        Files.write(file, bad);
        CliRunner.Run run = new CliRunner().run("grade", ASSIGNMENT, file.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("quizcard grade: " + file + ":3:1: the file is not valid UTF-8 (byte 0xff)\n");
    }
}
