package org.quizcard.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.quizcard.bank.Bank;

/**
 * Writes a bank in a format to {@code out} (a new file the caller moves into place when the
 * writing succeeded), returning what the format cannot express, question by question.
 */
@FunctionalInterface
public interface BankExporter {
    List<Loss> write(Bank bank, Path out) throws IOException;
}
