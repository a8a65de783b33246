package org.quizcard.exchange.anki;

import java.nio.file.Path;
import org.quizcard.exchange.Deck;
import org.quizcard.exchange.DeckReader;
import org.quizcard.exchange.ImportOptions;

/** PLACEHOLDER: replaced by the real reader. */
public final class AnkiPackageReader implements DeckReader {
    @Override
    public Deck read(Path file, ImportOptions options) {
        throw new UnsupportedOperationException("AnkiPackageReader");
    }
}
