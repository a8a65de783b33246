package org.quizcard.exchange.anki;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Position;
import org.quizcard.bank.Printable;
import org.quizcard.bank.Question;
import org.quizcard.exchange.Deck;
import org.quizcard.exchange.DeckReader;
import org.quizcard.exchange.Html;
import org.quizcard.exchange.Ids;
import org.quizcard.exchange.ImportOptions;
import org.quizcard.exchange.Loss;
import org.quizcard.exchange.PastReview;
import org.quizcard.srs.Rating;
import org.quizcard.store.anki.AnkiCollection;
import org.quizcard.store.anki.AnkiRecords;
import org.quizcard.store.anki.AnkiRecords.Card;
import org.quizcard.store.anki.AnkiRecords.Note;

/**
 * Reads an Anki package ({@code .apkg}, {@code .colpkg}) of any generation into a deck: a concept
 * per Anki deck (its id the slug of the deck's full name, {@code Spanish::Verbs} giving {@code
 * spanish-verbs}, its title the last part), a question per note ({@link AnkiNoteReader}), and, when
 * asked for, each question's review history ({@link AnkiHistory}) from the note's first card.
 *
 * <p>A note quizcard exported (GUID {@code quizcard:CONCEPT/ID}) keeps its concept and id; any
 * other note's id is the slug of its front's first words, made unique in its concept.
 */
public final class AnkiPackageReader implements DeckReader {
    /** The longest an answer counts as taking: Anki caps it at a minute by default, a day is no review. */
    private static final long MAX_MILLIS = 3_600_000;

    @Override
    public Deck read(Path file, ImportOptions options) {
        try (AnkiPackage pkg = AnkiPackage.open(file, options.scratch())) {
            AnkiRecords records = AnkiCollection.read(pkg.collection(), file.toString(), options.withHistory());
            return new Build(file.toString(), records, options).deck();
        }
    }

    /** The concept a note goes into, as far as its deck tells. */
    private record Place(String id, String title, String summary) { }

    /** A note read, waiting for its final concept and id. */
    private record Draft(Note note, String where, Place place, AnkiNoteReader.Read read) { }

    private static final class Build {
        private final String file;
        private final AnkiRecords records;
        private final ImportOptions options;
        private final AnkiNoteReader notes;
        private final List<Loss> losses = new ArrayList<>();
        private final Map<Long, Place> places = new LinkedHashMap<>();

        Build(String file, AnkiRecords records, ImportOptions options) {
            this.file = file;
            this.records = records;
            this.options = options;
            this.notes = new AnkiNoteReader(records.noteTypes(), file);
        }

        Deck deck() {
            Map<Long, List<Card>> cards = AnkiNoteReader.cardsByNote(records.cards());
            Map<String, Place> concepts = new LinkedHashMap<>();
            Map<String, List<Draft>> drafts = new LinkedHashMap<>();
            for (Note note : records.notes()) {
                List<Card> own = cards.getOrDefault(note.id(), List.of());
                String where = notes.where(note);
                Place place = place(own.isEmpty() ? 1 : own.get(0).deck());
                var read = notes.read(note, place.id(), where, losses);
                if (read.isEmpty()) continue;
                String concept = options.concept() == null && read.get().guidConcept() != null
                        ? read.get().guidConcept() : place.id();
                concepts.putIfAbsent(concept, new Place(concept, place.title(), place.summary()));
                drafts.computeIfAbsent(concept, k -> new ArrayList<>()).add(new Draft(note, where, place, read.get()));
            }
            Map<Long, List<AnkiRecords.Revlog>> reviews = AnkiNoteReader.reviewsByCard(records.revlog());
            List<Concept> out = new ArrayList<>();
            List<PastReview> history = new ArrayList<>();
            drafts.forEach((concept, list) -> {
                List<Question> questions = new ArrayList<>();
                for (Question q : ids(concept, list)) questions.add(q);
                for (int i = 0; i < list.size(); i++) {
                    Draft d = list.get(i);
                    history(questions.get(i).ref(), cards.getOrDefault(d.note().id(), List.of()), reviews, d.where(), history);
                }
                Place p = concepts.get(concept);
                out.add(new Concept(concept, p.title(), p.summary(), List.of(), questions, Position.ofFile(file)));
            });
            return new Deck(out, List.of(), losses, history);
        }

        /** The questions of one concept with their final ids: GUID ids first, then slugs of the fronts, each unique. */
        private List<Question> ids(String concept, List<Draft> list) {
            Ids ids = new Ids();
            String[] chosen = new String[list.size()];
            for (int i = 0; i < list.size(); i++) {
                AnkiNoteReader.Read r = list.get(i).read();
                if (r.guidId() != null && ids.take(r.guidId())) chosen[i] = r.guidId();
            }
            List<Question> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Question q = list.get(i).read().question();
                String id = chosen[i] != null ? chosen[i] : ids.unique(words(q), "question");
                Question.Common c = q.common();
                out.add(q.with(new Question.Common(concept, id, c.prompt(), c.explanation(), c.hint(), c.tags(),
                        c.sources(), c.where(), c.lintAllow())));
            }
            return out;
        }

        /** What a question's id is made from: its prompt, or a cloze question's text when its prompt is the usual one. */
        private static String words(Question q) {
            if (q instanceof Question.Cloze z && z.prompt().equals(AnkiNoteReader.CLOZE_PROMPT)) {
                return z.text().replace(Question.Cloze.BLANK, " ");
            }
            return q.prompt();
        }

        /** The concept of the Anki deck {@code deckId}, or the one {@code --concept} names. */
        private Place place(long deckId) {
            return places.computeIfAbsent(deckId, id -> {
                if (options.concept() != null) {
                    return new Place(options.concept(), options.concept(), "Imported from " + file + ".");
                }
                AnkiRecords.Deck deck = records.decks().get(id);
                String name = deck == null ? "" : Printable.line(deck.name()).strip();
                String slug = Ids.slug(name);
                if (slug.isEmpty()) slug = "anki";
                String last = name.contains("::") ? name.substring(name.lastIndexOf("::") + 2).strip() : name;
                String summary = deck == null ? "" : Html.toText(deck.description()).text().strip();
                if (summary.isEmpty()) summary = "Imported from the Anki deck " + (name.isEmpty() ? file : "'" + name + "'") + ".";
                return new Place(slug, last.isEmpty() ? slug : last, summary);
            });
        }

        /**
         * The review history of the question {@code ref}: that of the note's first card (the
         * front-to-back card, or cloze 1). Other cards' histories are listed as losses: a question
         * keeps one history.
         */
        private void history(String ref, List<Card> cards, Map<Long, List<AnkiRecords.Revlog>> reviews, String where,
                             List<PastReview> history) {
            if (!options.withHistory() || cards.isEmpty()) return;
            for (AnkiRecords.Revlog r : AnkiHistory.kept(reviews.getOrDefault(cards.get(0).id(), List.of()))) {
                history.add(new PastReview(ref, Instant.ofEpochMilli(r.id()), Rating.of(r.ease()),
                        Math.max(0, Math.min(MAX_MILLIS, r.millis()))));
            }
            int others = 0;
            for (Card c : cards.subList(1, cards.size())) {
                if (!AnkiHistory.kept(reviews.getOrDefault(c.id(), List.of())).isEmpty()) others++;
            }
            if (others > 0) {
                losses.add(Loss.part(where, "the review history of " + others + (others == 1 ? " more card" : " more cards")
                        + " (reversed, or other cloze numbers): a question keeps its first card's history"));
            }
        }
    }
}
