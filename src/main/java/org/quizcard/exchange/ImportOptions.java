package org.quizcard.exchange;

import java.nio.file.Path;

/**
 * What an import is given beside the file: the misconceptions it may tag ({@link Catalogue}), the
 * concept every question goes into ({@code null}: each format's own grouping, such as Anki's
 * decks or Moodle's categories, else the file's name), whether to read the review history, and
 * a private directory a reader may unpack into ({@code scratch}: the command makes it inside
 * {@code --out} and removes it when the import ends; null for a reader that unpacks nothing, as
 * every reader but the Anki package's).
 */
public record ImportOptions(Catalogue catalogue, String concept, boolean withHistory, Path scratch) {
    public ImportOptions(Catalogue catalogue, String concept, boolean withHistory) {
        this(catalogue, concept, withHistory, null);
    }
}
