package org.quizcard.exchange.gift;

import java.nio.file.Path;
import org.quizcard.exchange.Deck;
import org.quizcard.exchange.DeckReader;
import org.quizcard.exchange.ImportOptions;

/** PLACEHOLDER: replaced by the real reader. */
public final class GiftReader implements DeckReader {
    @Override
    public Deck read(Path file, ImportOptions options) {
        throw new UnsupportedOperationException("GiftReader");
    }
}
