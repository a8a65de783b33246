package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Fixtures;

/** The completion script offers the banks' concept ids, tags and question ids where the options take them. */
class CompletionCommandTest {
    /** The shell's script with the shipped banks, made without a warning. */
    private static String script(String shell) {
        CliRunner.Run run = new CliRunner().run("completion", shell);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        return run.out();
    }

    @Test
    void theScriptOffersTheShippedBanksConceptsTagsAndQuestions() {
        String script = script("bash");
        // one list of concept ids for each command with --concept: study, quiz and list
        assertThat(script.lines().filter(l -> l.contains("# --concept values")))
                .hasSize(3).allMatch(l -> l.contains("\"containers\" ") && l.contains("\"namespaces\""));
        assertThat(script.lines().filter(l -> l.contains("# --tag values"))).singleElement().asString()
                .contains("\"vm\"", "\"oci\"");
        assertThat(script).contains("\"containers/what-is-a-container\"", "\"namespaces/namespace-kinds\"");
    }

    @Test
    void zshsScriptOffersTheShippedBanksConceptsTagsAndQuestions() {
        String script = script("zsh");
        // study, quiz and list: the concept ids as the values of --concept, which may be given again
        // import's --concept names a new concept: it offers none
        assertThat(script.lines().filter(l -> l.contains("--concept[Put every question"))).singleElement().asString()
                .endsWith(":ID: ' \\");
        assertThat(script.lines().filter(l -> l.contains("--concept[") && !l.contains("--concept[Put every question")))
                .hasSize(3).allMatch(l -> l.contains("'*--concept[") && l.contains(":C:(cgroups containers ")
                        && l.contains(" namespaces "));
        assertThat(script.lines().filter(l -> l.contains("--tag["))).singleElement().asString()
                .contains(":T:(", " vm ", " oci ");
        assertThat(script.lines().filter(l -> l.contains("'1:CONCEPT/ID:("))).singleElement().asString()
                .contains(" containers/what-is-a-container ", " namespaces/namespace-kinds ");
        assertThat(script).contains("(show) _arguments", "'1:SHELL:(bash zsh fish)'",
                "'--key-file[The key of the sealed bank, as written by '\\''quizcard keygen'\\'' (default: "
                        + "$QUIZCARD_KEY).]:FILE:_files'",
                "'--json[Print JSON: {\"concepts\":\\[...\\],\"misconceptions\":\\[...\\]}.]'",
                "'study:The daily session: ");
    }

    @Test
    void fishsScriptOffersTheShippedBanksConceptsTagsAndQuestions() {
        String script = script("fish");
        assertThat(script.lines().filter(l -> l.contains(" -l concept ") && l.contains("from import'")))
                .singleElement().asString().doesNotContain("cgroups");
        assertThat(script.lines().filter(l -> l.contains(" -l concept ") && !l.contains("from import'")))
                .hasSize(3).allMatch(l -> l.contains(" -x -a 'cgroups containers ") && l.contains(" namespaces "));
        assertThat(script.lines().filter(l -> l.contains(" -l tag "))).singleElement().asString()
                .startsWith("complete -c quizcard -n '__fish_seen_subcommand_from quiz' -l tag -x -a '")
                .contains(" vm ", " oci ");
        assertThat(script.lines().filter(l -> l.contains("from show' -a "))).singleElement().asString()
                .contains(" containers/what-is-a-container ", " namespaces/namespace-kinds ");
        assertThat(script).contains(
                "complete -c quizcard -n __fish_use_subcommand -a study -d 'The daily session: ",
                "complete -c quizcard -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'\n",
                "complete -c quizcard -n '__fish_seen_subcommand_from lint' -F\n",
                "-l key-file -r -F -d 'The key of the sealed bank, as written by \\'quizcard keygen\\' (default: "
                        + "$QUIZCARD_KEY).'",
                "complete -c quizcard -n '__fish_seen_subcommand_from quiz' -l count -x -d 'How many questions "
                        + "(default 10).'",
                "-s h -l help -d 'Show this help message and exit.'");
    }

    @Test
    void theBanksOfQuizcardBanksAreOfferedInsteadOfTheShippedOnes() {
        CliRunner.Run run = new CliRunner().env(Context.BANKS, Fixtures.demoDir().toString()).run("completion", "bash");
        assertThat(run.out()).contains("=(\"containers\") # --concept values", "\"containers/oci\"")
                .doesNotContain("\"namespaces\"", "containers/what-is-a-container");
    }

    @Test
    void bashGetsBankValuesItsDoubleQuotesKeepAsWritten() {
        assertThat(CompletionCommand.bashDoubleQuoted("plain-id")).isEqualTo("plain-id");
        assertThat(CompletionCommand.bashDoubleQuoted("$(rm x) `id` \"q\" a\\b it's"))
                .isEqualTo("\\$(rm x) \\`id\\` \\\"q\\\" a\\\\b it's");
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
