package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quizcard.bank.Fixtures;
import org.quizcard.store.ProgressStore;

/**
 * The commands that only read progress work on a database nobody can write: its directory cannot
 * take the write-ahead log and its index. (A read-only directory does that to a reader; tests run
 * as root, whom permissions do not stop, so the two files are made directories instead.)
 */
class ReadOnlyProgressTest {
    private final String demo = Fixtures.demoDir().toString();

    @Test
    void everyCommandThatOnlyReadsProgressWorksWhenTheDatabaseCannotBeWritten() throws Exception {
        CliRunner learner = new CliRunner();
        CliRunner.Run answered = learner.stdin("1\n").run("quiz", "--bank", demo, "--tag", "vm");
        assertThat(answered.exit()).as(answered.err()).isZero();
        byte[] before = Files.readAllBytes(learner.home().resolve(ProgressStore.FILE));
        for (String suffix : List.of("-wal", "-shm")) {
            Path journal = learner.home().resolve(ProgressStore.FILE + suffix);
            Files.deleteIfExists(journal);
            Files.createDirectory(journal);
        }

        assertThat(works(learner, "stats", "--bank", demo)).contains("Reviews in all: 1");
        assertThat(works(learner, "stats", "--json", "--bank", demo)).contains("\"totalReviews\":1");
        assertThat(works(learner, "misconceptions", "--bank", demo)).contains("container-is-lightweight-vm  (active");
        assertThat(works(learner, "lint", "--changed", "--bank", demo)).contains("0 questions changed since last reviewed");
        assertThat(works(learner, "restore")).contains("No backups yet");
        assertThat(works(learner.stdin("1\n"), "quiz", "--bank", demo, "--weakest", "3", "--plain"))
                .contains("Question 1 of 1", "Session summary");
        assertThat(works(learner.stdin("1\n"), "quiz", "--bank", demo, "--tag", "vm", "--no-save"))
                .contains("Question 1 of 1");
        assertThat(works(learner, "list", "--bank", demo)).contains("containers");
        assertThat(works(learner, "show", "--bank", demo, "containers/oci")).contains("Answer:");

        assertThat(Files.readAllBytes(learner.home().resolve(ProgressStore.FILE))).isEqualTo(before);
    }

    /** Runs a command that must succeed, and returns what it printed. */
    private static String works(CliRunner learner, String... args) {
        CliRunner.Run r = learner.run(args);
        assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r.out();
    }
}
