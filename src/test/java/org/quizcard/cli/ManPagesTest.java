package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;

/** How {@link ManPages} moves the help's conventions to a man page's sections before generating. */
class ManPagesTest {
    private static CommandSpec root() {
        PrintWriter none = new PrintWriter(new StringWriter());
        Context context = new Context(java.io.InputStream.nullInputStream(), none, none, Map.of(),
                java.time.Clock.systemUTC(), false);
        return Main.commandLine(context).getCommandSpec();
    }

    @Test
    void theRootsExitCodesBecomeEveryPagesExitStatusAndItsExampleItsFooter() {
        CommandSpec root = root();
        ManPages.prepare(root);
        assertThat(root.usageMessage().exitCodeList()).containsKeys("0", "1", "2", "4")
                .containsEntry("2", "bad usage or unreadable input");
        assertThat(root.usageMessage().footerHeading()).isEqualTo("Example");
        assertThat(root.usageMessage().footer()).containsExactly("  quizcard list");
        CommandSpec study = root.subcommands().get("study").getCommandSpec();
        assertThat(study.usageMessage().exitCodeList()).isEqualTo(root.usageMessage().exitCodeList());
        assertThat(study.usageMessage().footerHeading()).isEqualTo("%nExamples%n");
        assertThat(study.version()).isEqualTo(root.version());
        assertThat(study.version()[0]).startsWith("quizcard ");
    }

    @Test
    void everyPageIsListedAndSeesAllTheOthers() {
        List<String> pages = ManPages.pages(root());
        assertThat(pages).startsWith("quizcard(1)", "quizcard-study(1)").contains("quizcard-completion(1)")
                .hasSize(Main.commandNames().size() + 1);
        String seeAlso = ManPages.seeAlso("quizcard-study(1)", pages);
        assertThat(seeAlso).startsWith("\n== See also\n\n*quizcard*(1),\n*quizcard-quiz*(1),")
                .endsWith("*quizcard-bank*(5)\n").doesNotContain("quizcard-study");
    }
}
