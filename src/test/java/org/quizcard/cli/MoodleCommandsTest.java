package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Fixtures;

/** {@code quizcard export --format moodle} and {@code quizcard import} of Moodle XML, end to end in process. */
class MoodleCommandsTest {
    @TempDir
    Path dir;

    @Test
    void theShippedBanksGoToMoodleAndComeBackAsBanksThatLintClean() throws Exception {
        Path xml = dir.resolve("os.xml");
        CliRunner.Run export = new CliRunner().run("export", "--format", "moodle", "--out", xml.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).startsWith("exported ").contains("(Moodle XML (.xml))").contains("not carried over")
                .contains("Moodle's short answer takes only * wildcards");
        Path banks = dir.resolve("banks");
        CliRunner.Run in = new CliRunner().run("import", xml.toString(), "--out", banks.toString());
        assertThat(in.exit()).as(in.err()).isZero();
        assertThat(in.out()).startsWith("imported ").doesNotContain("not carried over");
        assertThat(banks.resolve("containers.yaml")).exists();
        CliRunner.Run lint = new CliRunner().run("lint", "--bank", banks.toString());
        assertThat(lint.exit()).as(lint.out() + lint.err()).isZero();
    }

    @Test
    void aMoodleFileWithLossesImportsWhatItCanAndListsTheRest() throws Exception {
        Path xml = Path.of(MoodleCommandsTest.class.getResource("/moodle/every-form.xml").toURI());
        Path banks = dir.resolve("banks");
        CliRunner.Run in = new CliRunner().run("import", xml.toString(), "--out", banks.toString(),
                "--bank", Fixtures.demoDir().toString());
        assertThat(in.exit()).as(in.err()).isZero();
        assertThat(in.out()).contains("imported 11 questions into 2 concepts")
                .contains("left out: a description, not a question")
                .contains("img diagram.png: banks hold text only");
        assertThat(Files.readString(banks.resolve("misconceptions.yaml"))).contains("container-has-own-kernel");
        CliRunner.Run lint = new CliRunner().run("lint", "--bank", banks.toString());
        assertThat(lint.exit()).as(lint.out() + lint.err()).isZero();
    }

    @Test
    void aFileWithADoctypeIsOneLineAndExitTwo() throws Exception {
        Path xml = dir.resolve("laughs.xml");
        Files.writeString(xml, "<!DOCTYPE quiz [<!ENTITY a \"aaaa\">]><quiz>&a;</quiz>");
        CliRunner.Run in = new CliRunner().run("import", xml.toString(), "--out", dir.resolve("banks").toString());
        assertThat(in.exit()).isEqualTo(2);
        assertThat(in.err()).isEqualTo("quizcard import: " + xml + ": XML with a DOCTYPE is not accepted\n");
        assertThat(dir.resolve("banks")).doesNotExist();
    }
}
