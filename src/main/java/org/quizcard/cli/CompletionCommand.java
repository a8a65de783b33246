package org.quizcard.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quizcard completion}: a shell completion script. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a completion script for bash or zsh.",
        footerHeading = "%nExamples:%n",
        footer = {"  source <(quizcard completion bash)", "  quizcard completion zsh > ~/.zfunc/_quizcard"})
final class CompletionCommand implements Callable<Integer> {
    /** The shells a script can be made for. */
    enum Shell { bash, zsh }

    private final Context context;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    CompletionCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String script = AutoComplete.bash("quizcard", spec.root().commandLine());
        if (shell == Shell.zsh) {
            context.out().println("#compdef quizcard");
            context.out().println("autoload -U +X compinit && compinit");
            context.out().println("autoload -U +X bashcompinit && bashcompinit");
        }
        context.out().print(script);
        return 0;
    }
}
