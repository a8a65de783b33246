package org.quizcard.cli;

import java.util.List;
import java.util.function.UnaryOperator;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Question;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code quizcard completion}: a shell completion script. Besides commands and options it
 * completes concept ids after {@code --concept}, tags after {@code --tag} and question ids after
 * {@code show}, as the banks hold them when the script is made. bash's script is picocli's; zsh's
 * and fish's are written in those shells' own completion systems ({@link NativeCompletion}).
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {
            "Print a completion script for bash, zsh or fish.",
            "It completes commands and options, concept ids after --concept, tags after --tag and question ids "
                    + "(CONCEPT/ID) after show: those of the banks when the script is made ($QUIZCARD_BANKS, else "
                    + "the shipped banks). Make it again after the banks change. zsh and fish also show what each "
                    + "command and option does.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  source <(quizcard completion bash)",
            "  quizcard completion zsh > ~/.zfunc/_quizcard      (a directory on $fpath)",
            "  quizcard completion fish > ~/.config/fish/completions/quizcard.fish",
        })
final class CompletionCommand extends ContextCommand {
    /** The shells a script can be made for, each with the file it loads a script from. */
    enum Shell {
        bash("quizcard.bash"), zsh("_quizcard"), fish("quizcard.fish");

        final String file;

        Shell(String file) {
            this.file = file;
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish.")
    Shell shell;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        try {
            offerFromBank(root, context.bank(List.of()), shell == Shell.bash ? CompletionCommand::bashDoubleQuoted : s -> s);
        } catch (QuizcardException e) {
            context.err().println("quizcard: warning: no concept, tag or question ids to complete: "
                    + org.quizcard.term.Text.safe(e.getMessage()));
        }
        String script = switch (shell) {
            case bash -> AutoComplete.bash("quizcard", root);
            case zsh -> NativeCompletion.zsh(root.getCommandSpec());
            case fish -> NativeCompletion.fish(root.getCommandSpec());
        };
        context.out().print(script);
        return 0;
    }

    /**
     * Gives {@code --concept}, {@code --tag} and {@code show}'s question the bank's ids as
     * candidates, each as {@code written} writes it for the script.
     */
    private static void offerFromBank(CommandLine root, Bank bank, UnaryOperator<String> written) {
        List<String> concepts = bank.concepts().stream().map(Concept::id).map(written).toList();
        List<String> tags = bank.questions().flatMap(q -> q.common().tags().stream()).distinct().sorted()
                .map(written).toList();
        List<String> questions = bank.questions().map(Question::ref).map(written).toList();
        for (CommandLine command : root.getSubcommands().values()) {
            CommandSpec c = command.getCommandSpec();
            // import's --concept names the concept it writes, new or not: no bank's ids to offer
            if (!c.name().equals("import")) offer(c, "--concept", concepts);
            offer(c, "--tag", tags);
        }
        CommandLine show = root.getSubcommands().get("show");
        if (show != null) {
            CommandSpec c = show.getCommandSpec();
            PositionalParamSpec ref = c.positionalParameters().get(0);
            c.remove(ref);
            c.addPositional(PositionalParamSpec.builder(ref).completionCandidates(questions).build());
        }
    }

    /**
     * A value as picocli's bash script needs it: the script writes candidates between double
     * quotes, where {@code $}, a backquote, {@code "} and {@code \} would expand a variable, run a
     * command a bank wrote, or end the string.
     */
    static String bashDoubleQuoted(String value) {
        return value.replaceAll("([$`\"\\\\])", "\\\\$1");
    }

    /** Replaces {@code option} of {@code command}, when it has one, by the same option with these candidates. */
    private static void offer(CommandSpec command, String option, List<String> candidates) {
        OptionSpec o = command.findOption(option);
        if (o == null) return;
        command.remove(o);
        command.addOption(OptionSpec.builder(o).completionCandidates(candidates).build());
    }
}
