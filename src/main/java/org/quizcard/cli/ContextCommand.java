package org.quizcard.cli;

import java.util.concurrent.Callable;

/**
 * A subcommand: picocli fills in its options and calls it for an exit code; {@link
 * QuizcardCommand} hands it the {@link Context} of the run it belongs to.
 */
abstract class ContextCommand implements Callable<Integer> {
    /** The streams, environment and clock of the run. */
    Context context;

    /** This command, running in {@code context}. */
    ContextCommand in(Context context) {
        this.context = context;
        return this;
    }
}
