package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output users and their tools read, held byte for byte in {@code src/test/resources/golden/}:
 * every command's {@code --help}, and the JSON, JUnit and Markdown reports of the example course.
 * A change to any of them shows in review as a change to its golden file. To write them anew
 * after an intended change: {@code mvn -B test -Dtest=GoldenFilesTest -Dquizcard.golden.update=true}.
 */
class GoldenFilesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("quizcard.golden.update");
    private static final List<String> COMMANDS = Main.commandNames();

    @TempDir
    Path dir;

    private static void assertGolden(String name, String actual) throws Exception {
        Path file = GOLDEN.resolve(name);
        if (UPDATE) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
        }
        assertThat(file).as(name + " (rerun with -Dquizcard.golden.update=true after an intended change)").exists();
        assertThat(actual).as(name).isEqualTo(Files.readString(file));
    }

    @Test
    void everyCommandsHelp() throws Exception {
        CliRunner.Run root = new CliRunner().run("--help");
        assertThat(root.exit()).isZero();
        assertGolden("help/quizcard.txt", root.out());
        for (String command : COMMANDS) {
            CliRunner.Run help = new CliRunner().run(command, "--help");
            assertThat(help.exit()).as(command).isZero();
            assertGolden("help/" + command + ".txt", help.out());
        }
    }

    @Test
    void theExampleCoursesReports() throws Exception {
        Path course = Path.of("examples/course");
        for (String answers : List.of("pass", "partial", "fail")) {
            Path json = dir.resolve(answers + ".json");
            Path junit = dir.resolve(answers + ".xml");
            Path summary = dir.resolve(answers + ".md");
            // relative paths, so the reports name the files as a repository's workflow would
            new CliRunner().run("grade", course.resolve("assignment.yaml").toString(),
                    course.resolve("answers/" + answers + ".yaml").toString(), "--json", json.toString(),
                    "--junit", junit.toString(), "--summary", summary.toString());
            assertGolden("reports/" + answers + ".json", Files.readString(json));
            assertGolden("reports/" + answers + ".xml", Files.readString(junit));
            assertGolden("reports/" + answers + ".md", Files.readString(summary));
        }
    }
}
