package org.quizcard.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** A subcommand that reads banks: the {@code --bank} option every such command shares. */
abstract class BankCommand extends ContextCommand {
    @Option(names = "--bank", paramLabel = "DIR",
            description = "A bank directory to use instead of the shipped banks (repeatable; "
                    + "default: $QUIZCARD_BANKS, else the shipped banks).")
    List<Path> banks = new ArrayList<>();
}
