package org.quizcard.exchange;

/**
 * What an import is given beside the file: the misconceptions it may tag ({@link Catalogue}), the
 * concept every question goes into ({@code null}: each format's own grouping, such as Anki's
 * decks or Moodle's categories, else the file's name), and whether to read the review history.
 */
public record ImportOptions(Catalogue catalogue, String concept, boolean withHistory) { }
