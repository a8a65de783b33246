package org.quizcard.cli;

import picocli.CommandLine.Option;

/** How a session talks to the learner: the options every interactive command shares. */
public final class UiOptions {
    @Option(names = "--plain", description = "Line by line, no escape codes (also when not on a terminal or TERM=dumb).")
    boolean plain;

    @Option(names = "--no-color", description = "No colours (also when NO_COLOR is set).")
    boolean noColor;
}
