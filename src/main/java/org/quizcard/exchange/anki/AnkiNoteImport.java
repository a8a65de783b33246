package org.quizcard.exchange.anki;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Misconception;
import org.quizcard.bank.Position;
import org.quizcard.bank.Printable;
import org.quizcard.bank.Question;
import org.quizcard.exchange.Deck;
import org.quizcard.exchange.Ids;
import org.quizcard.exchange.ImportOptions;
import org.quizcard.exchange.Loss;
import org.quizcard.exchange.Rebind;
import org.quizcard.srs.PastReview;

/**
 * Anki notes, from a package or a text file, gathered into concepts: each note is read by
 * {@link AnkiNoteReader}, then
 *
 * <ul>
 *   <li>its concept is the one its GUID {@code quizcard:CONCEPT/ID} names (a note quizcard
 *       exported), else that of its deck: id the slug of the deck's full name ({@code
 *       Spanish::Verbs} gives {@code spanish-verbs}), title the name's last part, summary the deck's
 *       description; with {@code --concept}, the one it names;
 *   <li>its id is the GUID's, else the one its Source gives, else the slug of its front's first
 *       words (of a cloze text's, when its prompt is {@value AnkiNoteReader#CLOZE_PROMPT}), made
 *       unique in its concept; the GUIDs' ids are taken first, so no other note takes one;
 *   <li>concepts come in the order of their first notes, and questions in the order of their notes:
 *       the order the notes were made (a package's note ids, Anki's creation times), or a text
 *       file's lines. quizcard's export makes its notes in bank order.
 * </ul>
 */
final class AnkiNoteImport {
    private record Place(String title, String summary) { }

    private record Draft(String concept, String guidId, AnkiNoteReader.Read read) { }

    private final String file;
    private final String fallbackDeck;
    private final ImportOptions options;
    private final List<Loss> losses = new ArrayList<>();
    private final Map<String, Misconception> misconceptions = new LinkedHashMap<>();
    private final AnkiNoteReader reader;
    private final Map<String, Place> concepts = new LinkedHashMap<>();
    private final List<Draft> drafts = new ArrayList<>();
    private List<Question> questions;

    /** Notes of {@code file}; a note without a deck goes into the concept of {@code fallbackDeck}. */
    AnkiNoteImport(String file, String fallbackDeck, ImportOptions options) {
        this.file = file;
        this.fallbackDeck = fallbackDeck;
        this.options = options;
        this.reader = new AnkiNoteReader(file, options.catalogue(), misconceptions, losses);
    }

    /** What was not carried, so far; a reader adds its own. */
    List<Loss> losses() {
        return losses;
    }

    /** Reads a note; its number (for {@link #refs}), or -1 when it was left out (a loss says why). */
    int add(AnkiNote note) {
        String[] guid = quizcardGuid(note.guid());
        String concept = concept(note, guid);
        AnkiNoteReader.Read read = reader.read(note, concept);
        if (read == null) return -1;
        drafts.add(new Draft(concept, guid == null ? null : guid[1], read));
        return drafts.size() - 1;
    }

    /** The ref ({@code concept/id}) of each note added, by its number: the ids are given here, once. */
    List<String> refs() {
        return questions().stream().map(Question::ref).toList();
    }

    /** The concepts of the notes added, with the misconceptions they name and {@code history}. */
    Deck deck(List<PastReview> history) {
        Map<String, List<Question>> byConcept = new LinkedHashMap<>();
        concepts.keySet().forEach(c -> byConcept.put(c, new ArrayList<>()));
        for (Question q : questions()) byConcept.get(q.concept()).add(q);
        List<Concept> out = new ArrayList<>();
        byConcept.forEach((id, qs) -> {
            Place p = concepts.get(id);
            if (!qs.isEmpty()) out.add(new Concept(id, p.title(), p.summary(), List.of(), qs, Position.ofFile(file)));
        });
        return new Deck(out, List.copyOf(misconceptions.values()), losses, history);
    }

    /** {@code [concept, id]} of a GUID quizcard wrote, or null. */
    static String[] quizcardGuid(String guid) {
        if (guid == null || !guid.startsWith(AnkiNotes.GUID_PREFIX)) return null;
        String ref = guid.substring(AnkiNotes.GUID_PREFIX.length()).strip();
        int slash = ref.indexOf('/');
        if (slash < 0) return null;
        String concept = ref.substring(0, slash);
        String id = ref.substring(slash + 1);
        return Ids.valid(concept) && Ids.valid(id) ? new String[] {concept, id} : null;
    }

    private String concept(AnkiNote note, String[] guid) {
        if (options.concept() != null) {
            concepts.putIfAbsent(options.concept(), new Place(options.concept(), "Imported from " + file + "."));
            return options.concept();
        }
        String name = note.deck() == null ? "" : Printable.line(note.deck()).strip();
        if (name.isEmpty()) name = fallbackDeck;
        String id = guid != null ? guid[0] : Ids.slug(name);
        if (id.isEmpty()) id = "anki";
        if (!concepts.containsKey(id)) {
            String last = name.contains("::") ? name.substring(name.lastIndexOf("::") + 2).strip() : name;
            String summary = note.summary() == null ? "" : note.summary().strip();
            if (summary.isEmpty()) {
                summary = "Imported from the Anki deck " + (name.isEmpty() ? file : "'" + name + "'") + ".";
            }
            concepts.put(id, new Place(last.isEmpty() ? id : last, summary));
        }
        return id;
    }

    private List<Question> questions() {
        if (questions != null) return questions;
        Map<String, Ids> ids = new LinkedHashMap<>();
        String[] chosen = new String[drafts.size()];
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            if (d.guidId() != null && ids.computeIfAbsent(d.concept(), k -> new Ids()).take(d.guidId())) {
                chosen[i] = d.guidId();
            }
        }
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            String own = d.read().ownId();
            Ids taken = ids.computeIfAbsent(d.concept(), k -> new Ids());
            if (chosen[i] == null && own != null && Ids.valid(own) && taken.take(own)) chosen[i] = own;
        }
        List<Question> out = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            Question q = d.read().question();
            String id = chosen[i] != null ? chosen[i] : ids.get(d.concept()).unique(words(q), "question");
            out.add(Rebind.withId(q, id));
        }
        questions = out;
        return out;
    }

    /** What a question's id is made from: its prompt, or a cloze question's text when its prompt is the usual one. */
    private static String words(Question q) {
        if (q instanceof Question.Cloze z && z.prompt().equals(AnkiNoteReader.CLOZE_PROMPT)) {
            return z.text().replace(Question.Cloze.BLANK, " ");
        }
        return q.prompt();
    }
}
