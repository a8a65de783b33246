package org.quizcard.exchange.anki;

import java.util.List;

/**
 * One Anki note as a file holds it, the same from a package and from a text file, for
 * {@link AnkiNoteReader}: {@code where} names it in losses ({@code FILE: note ID "…"} or
 * {@code FILE:LINE}); {@code guid} may be null; {@code cloze} whether its note type makes cloze
 * cards; {@code names} its note type's field names (empty when the file names none); {@code html}
 * whether its fields are HTML; {@code deck} its deck's full name and {@code summary} the deck's
 * description as text (null when the file names none).
 */
record AnkiNote(String where, String guid, String noteType, boolean cloze, List<String> names, List<String> fields,
                boolean html, String deck, String summary, List<String> tags) {
    /** Field {@code name}, else the field at its usual {@code position}; null when the note has neither. */
    String field(String name, int position) {
        int at = names.indexOf(name);
        if (at < 0) at = position;
        return at < fields.size() ? fields.get(at) : null;
    }

    /** The name of field {@code i}, or "" when the file does not name it. */
    String name(int i) {
        return i < names.size() ? names.get(i) : "";
    }
}
