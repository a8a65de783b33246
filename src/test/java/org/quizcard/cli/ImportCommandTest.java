package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code quizcard import} does whatever the format: where it writes, and what it refuses. */
class ImportCommandTest {
    private static final String TWO = "::first-card::What does the MMU translate?{=virtual addresses ~files}\n\n"
            + "::second::A page fault always means a bug.{F}\n";

    @TempDir
    Path dir;

    private CliRunner.Run importInto(Path out, Path... files) {
        String[] args = new String[files.length + 3];
        args[0] = "import";
        for (int i = 0; i < files.length; i++) args[i + 1] = files[i].toString();
        args[files.length + 1] = "--out";
        args[files.length + 2] = out.toString();
        return new CliRunner().run(args);
    }

    @Test
    void anImportMayReplaceWhatAnEarlierImportWroteAndRemovesConceptsNoLongerThere() throws Exception {
        Path out = dir.resolve("bank");
        Path a = Files.writeString(dir.resolve("paging.gift"), TWO);
        assertThat(importInto(out, a).exit()).isZero();
        Path b = Files.writeString(dir.resolve("memory.gift"), TWO);
        CliRunner.Run again = importInto(out, b);
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("imported 2 questions into 1 concept in " + out, "study them: quizcard study --bank " + out);
        try (var names = Files.list(out)) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("memory.yaml", "misconceptions.yaml");
        }
        assertThat(Files.readString(out.resolve("memory.yaml"))).startsWith(ImportCommand.HEADER).contains("id: first-card");
    }

    @Test
    void aDirectoryHoldingOtherFilesIsNeverWrittenInto() throws Exception {
        Path out = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(out.resolve("notes.yaml"), "id: notes\n");
        CliRunner.Run run = importInto(out, Files.writeString(dir.resolve("paging.gift"), TWO));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("quizcard import: " + out + ": holds notes.yaml, which no import wrote; "
                + "choose a new or empty --out directory\n");
        assertThat(Files.readString(out.resolve("notes.yaml"))).isEqualTo("id: notes\n");
        try (var names = Files.list(out)) {
            assertThat(names).hasSize(1);
        }
    }

    @Test
    void aFileWithNothingToCarryIsRefusedAndNothingIsWritten() throws Exception {
        Path only = Files.writeString(dir.resolve("essays.gift"), "::e::Discuss paging.{}\n");
        Path out = dir.resolve("bank");
        CliRunner.Run run = importInto(out, only);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).endsWith("quizcard import: " + only + ": holds no question quizcard can carry over; "
                + "nothing was written\n").contains("left out");
        assertThat(out).doesNotExist();
    }

    @Test
    void badOptionsAreOneLineEach() throws Exception {
        Path gift = Files.writeString(dir.resolve("paging.gift"), TWO);
        CliRunner.Run concept = new CliRunner().run("import", gift.toString(), "--out", dir.resolve("o").toString(),
                "--concept", "Virtual Memory");
        assertThat(concept.exit()).isEqualTo(2);
        assertThat(concept.err()).isEqualTo("quizcard import: --concept 'Virtual Memory': must be lower-case words joined by hyphens\n");
        CliRunner.Run from = new CliRunner().run("import", gift.toString(), "--out", dir.resolve("o").toString(), "--from", "qti");
        assertThat(from.err()).isEqualTo("quizcard import: --from 'qti': not a format quizcard imports (anki, anki-text, moodle, gift)\n");
        Path unknown = Files.writeString(dir.resolve("notes.bin"), "hello");
        CliRunner.Run detect = new CliRunner().run("import", unknown.toString(), "--out", dir.resolve("o").toString());
        assertThat(detect.err()).isEqualTo("quizcard import: " + unknown
                + ": cannot tell its format from its name; give --from anki, anki-text, moodle or gift\n");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void aQuestionTakingTheIdOfAnotherKnownQuestionIsWarnedOfAndTheSameQuestionIsNot() throws Exception {
        Path taken = Files.writeString(dir.resolve("containers.gift"), "::lightweight-vm::Is the sky blue?{T}\n");
        CliRunner.Run run = importInto(dir.resolve("a"), taken);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo("quizcard import: warning: 1 question has the id of another question of the known "
                + "banks (containers/lightweight-vm): your progress keeps one history per id; import with --concept to give "
                + "them ids of their own\n");
        Path own = dir.resolve("os.gift");
        assertThat(new CliRunner().run("export", "--format", "gift", "--out", own.toString()).exit()).isZero();
        CliRunner.Run back = importInto(dir.resolve("b"), own);
        assertThat(back.exit()).as(back.err()).isZero();
        assertThat(back.err()).isEmpty();
    }

    @Test
    void exportingABankWithoutQuestionsIsRefusedAndWritesNothing() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path out = dir.resolve("none.gift");
        CliRunner.Run run = new CliRunner().run("export", empty.toString(), "--format", "gift", "--out", out.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("quizcard export: the banks hold no question to export; nothing was written\n");
        assertThat(out).doesNotExist();
    }
}
