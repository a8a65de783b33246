package org.quizcard.exchange;

import java.nio.file.Path;

/**
 * Reads one file of a format into a {@link Deck}. Every problem with the file is a {@code
 * QuizcardException} (exit 2) naming the file in one line; what the file holds that a bank
 * cannot is a {@link Loss}, never a failure.
 */
@FunctionalInterface
public interface DeckReader {
    Deck read(Path file, ImportOptions options);
}
