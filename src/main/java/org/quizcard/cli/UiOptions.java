package org.quizcard.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How a session talks to the learner: the options every interactive command shares. */
public final class UiOptions {
    @Option(names = "--plain", description = "Line by line, no escape codes (also when not on a terminal or TERM=dumb).")
    boolean plain;

    /** The command these options belong to; {@code --no-color} is its root's, as every command has it. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Whether the session may use colours (see {@link QuizcardCommand#colour}). */
    boolean colour() {
        return ((QuizcardCommand) command.root().userObject()).colour();
    }
}
