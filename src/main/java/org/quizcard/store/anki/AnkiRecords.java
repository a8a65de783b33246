package org.quizcard.store.anki;

import java.util.List;
import java.util.Map;

/**
 * What an Anki collection holds that an import reads, as plain values: its note types, decks,
 * notes, cards and (when asked for) review log, whatever the schema it was stored in.
 */
public record AnkiRecords(int schema, Map<Long, NoteType> noteTypes, Map<Long, Deck> decks, List<Note> notes,
                          List<Card> cards, List<Revlog> revlog) {
    public AnkiRecords {
        noteTypes = Map.copyOf(noteTypes);
        decks = Map.copyOf(decks);
        notes = List.copyOf(notes);
        cards = List.copyOf(cards);
        revlog = List.copyOf(revlog);
    }

    /** A note type: its name, whether it is a cloze type, its field names and its card templates' names, in order. */
    public record NoteType(long id, String name, boolean cloze, List<String> fields, List<String> templates) {
        public NoteType {
            fields = List.copyOf(fields);
            templates = List.copyOf(templates);
        }
    }

    /**
     * A deck: its full name with {@code ::} between the levels, its description (HTML, may be
     * empty), and whether it is a filtered deck (whose cards belong to another deck).
     */
    public record Deck(long id, String name, String description, boolean filtered) { }

    /** A note: its id, GUID, note type, tags (as written, space-separated) and field values (HTML) in order. */
    public record Note(long id, String guid, long noteType, String tags, List<String> fields) {
        public Note {
            fields = List.copyOf(fields);
        }
    }

    /** A card: its note, its deck (the original deck when it sits in a filtered one), and its template or cloze ordinal. */
    public record Card(long id, long note, long deck, int ord) { }

    /**
     * One row of the review log: when (milliseconds since the epoch, Anki's row id), which card,
     * the button pressed ({@code ease}, 0 for none), the ease factor, the milliseconds the answer
     * took, and the kind of review ({@code type}: 0 learning, 1 review, 2 relearning, 3
     * filtered or cram, 4 manual, 5 rescheduled).
     */
    public record Revlog(long id, long card, int ease, int factor, long millis, int type) { }
}
