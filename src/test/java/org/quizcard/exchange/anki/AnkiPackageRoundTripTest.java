package org.quizcard.exchange.anki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Bank;
import org.quizcard.bank.BankFile;
import org.quizcard.bank.BankLoader;
import org.quizcard.bank.Fixtures;
import org.quizcard.exchange.Catalogue;
import org.quizcard.exchange.Deck;
import org.quizcard.exchange.Exchange;
import org.quizcard.exchange.Format;
import org.quizcard.exchange.ImportOptions;
import org.quizcard.exchange.Loss;

/**
 * An Anki package quizcard wrote, read back by quizcard's package reader: the same questions
 * with the same refs and content hashes, for every type (flashcards and cloze from their visible
 * fields, the rest from their Source field), except what the export listed as lost.
 */
class AnkiPackageRoundTripTest {
    @TempDir
    Path dir;

    private void roundTrip(Bank bank) throws Exception {
        Path out = dir.resolve("bank.apkg");
        List<Loss> losses = Exchange.writer(Format.ANKI, java.time.Clock.systemUTC()).write(bank, out);
        Deck deck = Exchange.reader(Format.ANKI).read(out, new ImportOptions(new Catalogue(bank.misconceptions()), null, false, dir));
        AnkiTextTest.assertRoundTrip(bank, losses, deck);
        assertThat(deck.losses()).isEmpty();
    }

    @Test
    void theDemoBankReadsBack() throws Exception {
        roundTrip(Fixtures.demo());
    }

    @Test
    void theShippedBanksReadBack() throws Exception {
        roundTrip(BankLoader.load(BankFile.shipped()).orThrow());
    }
}
