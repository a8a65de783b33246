package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Fixtures;

/** The completion script offers the banks' concept ids, tags and question ids where the options take them. */
class CompletionCommandTest {
    @Test
    void theScriptOffersTheShippedBanksConceptsTagsAndQuestions() {
        for (String shell : new String[] {"bash", "zsh"}) {
            CliRunner.Run run = new CliRunner().run("completion", shell);
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.err()).isEmpty();
            // one list of concept ids for each command with --concept: study, quiz and list
            assertThat(run.out().lines().filter(l -> l.contains("# --concept values")))
                    .hasSize(3).allMatch(l -> l.contains("\"containers\" ") && l.contains("\"namespaces\""));
            assertThat(run.out().lines().filter(l -> l.contains("# --tag values"))).singleElement().asString()
                    .contains("\"vm\"", "\"oci\"");
            assertThat(run.out()).contains("\"containers/what-is-a-container\"", "\"namespaces/namespace-kinds\"");
        }
    }

    @Test
    void theBanksOfQuizcardBanksAreOfferedInsteadOfTheShippedOnes() {
        CliRunner.Run run = new CliRunner().env(Context.BANKS, Fixtures.demoDir().toString()).run("completion", "bash");
        assertThat(run.out()).contains("=(\"containers\") # --concept values", "\"containers/oci\"")
                .doesNotContain("\"namespaces\"", "containers/what-is-a-container");
    }

    @Test
    void aBrokenBankLeavesTheIdsOutWithAWarningAndStillGivesTheScript(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.yaml"), "id: broken\ntitle: [unclosed\n");
        CliRunner.Run run = new CliRunner().env(Context.BANKS, dir.toString()).run("completion", "bash");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).startsWith("quizcard: warning: no concept, tag or question ids to complete: ")
                .hasLineCount(1);
        assertThat(run.out()).contains("complete -F").doesNotContain("# --concept values");
    }
}
