package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grade's outputs as the CI tools that read them expect. */
class CiOutputsTest {
    private static final Path COURSE = Path.of("examples/course").toAbsolutePath();
    private static final String ASSIGNMENT = COURSE.resolve("assignment.yaml").toString();
    private static final String PARTIAL = COURSE.resolve("answers/partial.yaml").toString();

    @TempDir
    Path dir;

    @Test
    void theStepSummaryIsAddedToNotReplaced() throws Exception {
        Path summary = Files.writeString(dir.resolve("summary.md"), "## Build\n\nearlier step\n");
        assertThat(new CliRunner().run("grade", ASSIGNMENT, PARTIAL, "--summary", summary.toString()).exit()).isEqualTo(1);
        assertThat(Files.readString(summary)).startsWith("## Build\n\nearlier step\n## ").contains("octocat");
    }

    @Test
    void theClassroomResultStartsOnItsOwnLineAndNeedsGithubOutputFirst() throws Exception {
        Path output = Files.writeString(dir.resolve("output"), "earlier=1");
        CliRunner.Run r = new CliRunner().env("GITHUB_OUTPUT", output.toString()).run("grade", ASSIGNMENT, PARTIAL, "--classroom");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(Files.readString(output)).startsWith("earlier=1\nresult=");

        Path json = dir.resolve("grade.json");
        CliRunner.Run unset = new CliRunner().run("grade", ASSIGNMENT, PARTIAL, "--classroom", "--json", json.toString());
        assertThat(unset.exit()).isEqualTo(2);
        assertThat(unset.err()).contains("--classroom needs GITHUB_OUTPUT");
        assertThat(json).as("nothing is written before the check").doesNotExist();
    }

    @Test
    void answersThatCannotBeGradedStillReachEveryConsumer() throws Exception {
        Path output = Files.createFile(dir.resolve("output"));
        Path summary = dir.resolve("summary.md");
        Path broken = Files.writeString(dir.resolve("answers.yaml"),
                Files.readString(Path.of(PARTIAL)).replaceFirst("answers:", "answers: [\n"));
        CliRunner.Run r = new CliRunner().env("GITHUB_OUTPUT", output.toString())
                .run("grade", ASSIGNMENT, broken.toString(), "--classroom", "--github", "--summary", summary.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).startsWith("::error file=" + broken + ",line=");
        String result = Files.readString(output);
        assertThat(result).startsWith("result=");
        String json = new String(java.util.Base64.getDecoder().decode(result.substring(7).strip()));
        assertThat(json).startsWith("{\"version\":1,\"status\":\"error\"").contains("\"filename\":\"" + broken);
        assertThat(Files.readString(summary)).contains("Answers not graded");
    }

    @Test
    void theOverallTestcaseHasTheSameNameWhateverTheScore() throws Exception {
        Path pass = dir.resolve("pass.xml");
        Path fail = dir.resolve("fail.xml");
        new CliRunner().run("grade", ASSIGNMENT, COURSE.resolve("answers/pass.yaml").toString(), "--junit", pass.toString());
        new CliRunner().run("grade", ASSIGNMENT, COURSE.resolve("answers/fail.yaml").toString(), "--junit", fail.toString());
        assertThat(Files.readString(pass)).contains("name=\"overall\"");
        assertThat(Files.readString(fail)).contains("name=\"overall\"");
        // each failure ends with a stack frame naming the answers file and line, where report tools look
        assertThat(Files.readString(fail)).containsPattern("at [a-z-]+/[a-z0-9-]+\\(" + java.util.regex.Pattern.quote(
                COURSE.resolve("answers/fail.yaml").toString()) + ":\\d+\\)</failure>");
    }
}
