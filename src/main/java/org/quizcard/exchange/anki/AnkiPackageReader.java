package org.quizcard.exchange.anki;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.quizcard.bank.Printable;
import org.quizcard.exchange.Deck;
import org.quizcard.exchange.DeckReader;
import org.quizcard.exchange.Html;
import org.quizcard.exchange.ImportOptions;
import org.quizcard.exchange.Loss;
import org.quizcard.srs.PastReview;
import org.quizcard.srs.Rating;
import org.quizcard.store.anki.AnkiCollection;
import org.quizcard.store.anki.AnkiRecords.Card;
import org.quizcard.store.anki.AnkiRecords.Note;
import org.quizcard.store.anki.AnkiRecords.NoteType;
import org.quizcard.store.anki.AnkiRecords;

/**
 * Reads an Anki package ({@code .apkg}, {@code .colpkg}) of any generation into a deck: each note,
 * in the order the notes were made (their ids), in the deck of its first card, as
 * {@link AnkiNoteImport} makes questions and concepts of notes, and, when asked for, each
 * question's review history ({@link AnkiHistory}) from the note's first card.
 */
public final class AnkiPackageReader implements DeckReader {
    /** The longest an answer counts as taking: Anki caps it at a minute by default, a day is no review. */
    private static final long MAX_MILLIS = 3_600_000;
    private static final NoteType UNKNOWN = new NoteType(0, "", false, List.of(), List.of());

    @Override
    public Deck read(Path file, ImportOptions options) {
        try (AnkiPackage pkg = AnkiPackage.open(file, options.scratch())) {
            AnkiRecords records = AnkiCollection.read(pkg.collection(), file.toString(), options.withHistory());
            return read(file.toString(), records, options);
        }
    }

    private static Deck read(String file, AnkiRecords records, ImportOptions options) {
        AnkiNoteImport notes = new AnkiNoteImport(file, "", options);
        Map<Long, List<Card>> cards = records.cards().stream().collect(Collectors.groupingBy(Card::note));
        Map<Long, String> summaries = new HashMap<>();
        List<Note> kept = new ArrayList<>();
        for (Note note : records.notes()) {
            List<Card> own = cards.getOrDefault(note.id(), List.of());
            AnkiRecords.Deck deck = records.decks().get(own.isEmpty() ? 1L : own.get(0).deck());
            NoteType type = records.noteTypes().getOrDefault(note.noteType(), UNKNOWN);
            String summary = deck == null ? null
                    : summaries.computeIfAbsent(deck.id(), id -> Html.toText(deck.description()).text());
            int n = notes.add(new AnkiNote(where(file, note), note.guid(), type.name(), type.cloze(), type.fields(),
                    note.fields(), true, deck == null ? null : deck.name(), summary, List.of(note.tags().split(" "))));
            if (n >= 0) kept.add(note);
        }
        List<PastReview> history = new ArrayList<>();
        if (options.withHistory()) {
            Map<Long, List<AnkiRecords.Revlog>> reviews = records.revlog().stream()
                    .collect(Collectors.groupingBy(AnkiRecords.Revlog::card));
            List<String> refs = notes.refs();
            for (int i = 0; i < kept.size(); i++) {
                Note note = kept.get(i);
                history(refs.get(i), cards.getOrDefault(note.id(), List.of()), reviews, where(file, note), history,
                        notes.losses());
            }
        }
        return notes.deck(history);
    }

    /** Where a note is, for losses: {@code FILE: note ID "its first words"}, without parsing its HTML. */
    private static String where(String file, Note note) {
        String first = note.fields().isEmpty() ? "" : Printable.line(AnkiField.label(note.fields().get(0)));
        if (first.length() > 40) first = first.substring(0, 40) + "…";
        return file + ": note " + note.id() + (first.isEmpty() ? "" : " \"" + first + "\"");
    }

    /**
     * The review history of the question {@code ref}: that of the note's first card (the
     * front-to-back card, or cloze 1). Other cards' histories are listed as losses: a question
     * keeps one history.
     */
    private static void history(String ref, List<Card> cards, Map<Long, List<AnkiRecords.Revlog>> reviews, String where,
                                List<PastReview> history, List<Loss> losses) {
        if (cards.isEmpty()) return;
        for (AnkiRecords.Revlog r : AnkiHistory.kept(reviews.getOrDefault(cards.get(0).id(), List.of()))) {
            history.add(new PastReview(ref, Instant.ofEpochMilli(r.id()), Rating.of(r.ease()),
                    Math.max(0, Math.min(MAX_MILLIS, r.millis()))));
        }
        long others = cards.stream().skip(1)
                .filter(c -> !AnkiHistory.kept(reviews.getOrDefault(c.id(), List.of())).isEmpty()).count();
        if (others > 0) {
            losses.add(Loss.part(where, "the review history of " + others + (others == 1 ? " more card" : " more cards")
                    + " (reversed, or other cloze numbers): a question keeps its first card's history"));
        }
    }
}
