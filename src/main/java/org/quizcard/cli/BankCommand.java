package org.quizcard.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --bank} option every command that reads banks shares. */
public final class BankOptions {
    @Option(names = "--bank", paramLabel = "DIR",
            description = "A bank directory to use instead of the shipped banks (repeatable; "
                    + "default: $QUIZCARD_BANKS, else the shipped banks).")
    List<Path> banks = new ArrayList<>();
}
