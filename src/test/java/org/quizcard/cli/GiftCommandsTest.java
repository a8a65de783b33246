package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Fixtures;

/** {@code quizcard import} and {@code export} with GIFT, end to end: the bank written lints clean. */
class GiftCommandsTest {
    @TempDir
    Path dir;

    private Path everyForm() throws Exception {
        Path file = dir.resolve("every-form.gift");
        Files.copy(Path.of(GiftCommandsTest.class.getResource("/exchange/every-form.gift").toURI()), file);
        return file;
    }

    @Test
    void importWritesABankThatLintsCleanAndListsWhatItLeftOut() throws Exception {
        Path out = dir.resolve("bank");
        CliRunner.Run run = new CliRunner().run("import", everyForm().toString(), "--out", out.toString(),
                "--bank", Fixtures.demoDir().toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("imported 16 questions into 2 concepts in " + out,
                "  every-form.yaml: 15 questions", "  second-concept.yaml: 1 question",
                "not carried over (10):",
                "  every-form.gift:62: question \"essay\": left out: an essay without feedback",
                "  every-form.gift:52: question \"Which file lists the mounts?\": the img mounts.png: banks hold text only");
        assertThat(Files.readString(out.resolve("misconceptions.yaml")))
                .contains("id: container-has-own-kernel", "id: container-is-lightweight-vm");
        CliRunner.Run lint = new CliRunner().run("lint", "--bank", out.toString());
        assertThat(lint.exit()).as(lint.out() + lint.err()).isZero();
    }

    @Test
    void conceptPutsEveryQuestionIntoOne() throws Exception {
        Path out = dir.resolve("bank");
        CliRunner.Run run = new CliRunner().run("import", everyForm().toString(), "--out", out.toString(),
                "--concept", "isolation", "--bank", Fixtures.demoDir().toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("imported 16 questions into 1 concept", "  isolation.yaml: 16 questions");
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("isolation.yaml", "misconceptions.yaml");
        }
        assertThat(new CliRunner().run("lint", "--bank", out.toString()).exit()).isZero();
    }

    @Test
    void malformedGiftIsOneLineAndExitTwoAndWritesNothing() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.gift"), "::a::Fine{T}\n\n::b::Unclosed {=a\n");
        Path out = dir.resolve("bank");
        CliRunner.Run run = new CliRunner().run("import", bad.toString(), "--out", out.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("quizcard import: " + bad + ":3:15: '{' opens an answer block that is not closed "
                + "before the question ends (a blank line ends a question; write \\{ for a brace in text)\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void exportThenImportGivesTheDemoBackAndItLints() throws Exception {
        Path gift = dir.resolve("demo.gift");
        CliRunner.Run export = new CliRunner().run("export", Fixtures.demoDir().toString(), "--format", "gift",
                "--out", gift.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).contains("exported 7 questions of 1 concept to " + gift,
                "  question containers/start-steps: left out: GIFT has no ordering question",
                "  question containers/see-and-use: left out: a cloze of 2 blanks: GIFT's missing word has one");
        Path out = dir.resolve("back");
        CliRunner.Run back = new CliRunner().run("import", gift.toString(), "--out", out.toString(),
                "--bank", Fixtures.demoDir().toString());
        assertThat(back.exit()).as(back.err()).isZero();
        assertThat(back.out()).contains("imported 7 questions into 1 concept", "  containers.yaml: 7 questions")
                .doesNotContain("not carried over");
        assertThat(new CliRunner().run("lint", "--bank", out.toString()).exit()).isZero();
    }
}
