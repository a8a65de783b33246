package org.quizcard.exchange.anki;

import java.nio.file.Path;
import java.util.List;
import org.quizcard.bank.Bank;
import org.quizcard.exchange.BankExporter;
import org.quizcard.exchange.Loss;

/** PLACEHOLDER: replaced by the real writer. */
public final class AnkiTextWriter implements BankExporter {
    @Override
    public List<Loss> write(Bank bank, Path out) {
        throw new UnsupportedOperationException("AnkiTextWriter");
    }
}
