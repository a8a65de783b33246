package org.quizcard.exchange.anki;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quizcard.bank.Position;
import org.quizcard.bank.Printable;
import org.quizcard.bank.Question;
import org.quizcard.bank.QuestionText;
import org.quizcard.exchange.Ids;
import org.quizcard.exchange.Loss;
import org.quizcard.store.anki.AnkiRecords;
import org.quizcard.store.anki.AnkiRecords.Note;
import org.quizcard.store.anki.AnkiRecords.NoteType;

/**
 * One Anki note as a quizcard question, by its note type:
 *
 * <ul>
 *   <li>quizcard's own types: "quizcard Question" from its Source field (the question as YAML,
 *       exactly), "quizcard Basic" a flashcard with its Explanation and Hint, "quizcard Cloze" a
 *       cloze question with its Explanation and Hint;
 *   <li>a cloze type: a cloze question from the first field holding a deletion, the other fields
 *       its explanation;
 *   <li>any other type (Basic and its reversed, optional reversed and typing variants included):
 *       a flashcard, the first field its front, the second its back; with more than two fields,
 *       each further non-empty one on the back as {@code Name: text}.
 * </ul>
 *
 * A note with nothing left to ask (an empty front, or a front that was only an image) is a loss.
 */
final class AnkiNoteReader {
    static final String QUESTION_TYPE = "quizcard Question";
    static final String BASIC_TYPE = "quizcard Basic";
    static final String CLOZE_TYPE = "quizcard Cloze";
    /** The prompt of a cloze note whose text has no paragraph of its own before the deletions. */
    static final String CLOZE_PROMPT = "Fill in the blanks.";
    private static final NoteType UNKNOWN = new NoteType(0, "", false, List.of(), List.of());

    /**
     * A question read from a note, with the concept its GUID names (null when none) and the id its
     * GUID, else its Source, gives it (null when none).
     */
    record Read(Question question, String guidConcept, String guidId) { }

    private final Map<Long, NoteType> types;
    private final String file;

    AnkiNoteReader(Map<Long, NoteType> types, String file) {
        this.types = types;
        this.file = file;
    }

    /** Where a note is, for losses: {@code FILE: note ID "its first words"}. */
    String where(Note note) {
        String first = note.fields().isEmpty() ? "" : Printable.line(AnkiText.label(note.fields().get(0)));
        if (first.length() > 40) first = first.substring(0, 40) + "…";
        return file + ": note " + note.id() + (first.isEmpty() ? "" : " \"" + first + "\"");
    }

    /** The question of {@code note} in {@code concept} (its id still to be given), or empty with a loss saying why. */
    Optional<Read> read(Note note, String concept, String where, List<Loss> losses) {
        NoteType type = types.getOrDefault(note.noteType(), UNKNOWN);
        String[] guid = guid(note.guid());
        Question.Common common = new Question.Common(concept, "q", "", "", null, tags(note.tags()), List.of(),
                Position.ofFile(file));
        Optional<Question> q;
        String ownId = null;
        if (type.name().equals(QUESTION_TYPE) && type.fields().contains("Source")) {
            q = source(note, type, concept, where, losses);
            if (q.isPresent()) ownId = q.get().id();
            else q = flashcard(note, type, common, where, losses);
        } else if (type.name().equals(BASIC_TYPE)) {
            q = flashcard(note, type, common, where, losses);
        } else if (type.cloze() || type.name().equals(CLOZE_TYPE)) {
            q = cloze(note, type, common, where, losses);
        } else {
            q = flashcard(note, type, common, where, losses);
        }
        String id = guid != null ? guid[1] : ownId != null && Ids.valid(ownId) ? ownId : null;
        return q.map(question -> new Read(question, guid == null ? null : guid[0], id));
    }

    /** The concept and id of a GUID quizcard wrote ({@code quizcard:CONCEPT/ID}), or null. */
    static String[] guid(String guid) {
        if (!guid.startsWith("quizcard:")) return null;
        String ref = guid.substring("quizcard:".length());
        int slash = ref.indexOf('/');
        if (slash < 0) return null;
        String concept = ref.substring(0, slash);
        String id = ref.substring(slash + 1);
        return Ids.valid(concept) && Ids.valid(id) ? new String[] {concept, id} : null;
    }

    private Optional<Question> source(Note note, NoteType type, String concept, String where, List<Loss> losses) {
        String yaml = AnkiText.text(field(note, type, "Source", 3), where, new ArrayList<>());
        List<String> problems = new ArrayList<>();
        Optional<Question> q = QuestionText.read(yaml, concept, file, problems);
        if (q.isEmpty()) {
            losses.add(Loss.part(where, "its Source field is not a quizcard question (" + Printable.line(problems.get(0))
                    + "); read as a flashcard from Front and Back"));
        }
        return q;
    }

    private Optional<Question> flashcard(Note note, NoteType type, Question.Common common, String where, List<Loss> losses) {
        List<String> fields = note.fields();
        String front = fields.isEmpty() ? "" : AnkiText.text(fields.get(0), where, losses);
        String explanation = "";
        String hint = null;
        StringBuilder back = new StringBuilder();
        boolean own = type.name().equals(BASIC_TYPE) || type.name().equals(QUESTION_TYPE);
        if (own) {
            back.append(AnkiText.text(field(note, type, "Back", 1), where, losses));
            explanation = AnkiText.text(field(note, type, "Explanation", 2), where, losses);
            if (type.name().equals(BASIC_TYPE)) hint = blankToNull(AnkiText.text(field(note, type, "Hint", 3), where, losses));
        } else if (fields.size() <= 2) {
            if (fields.size() == 2) back.append(AnkiText.text(fields.get(1), where, losses));
        } else {
            for (int i = 1; i < fields.size(); i++) {
                String text = AnkiText.text(fields.get(i), where, losses);
                if (text.isEmpty()) continue;
                if (back.length() > 0) back.append("\n\n");
                String name = i < type.fields().size() ? Printable.line(type.fields().get(i)).strip() : "";
                back.append(name.isEmpty() ? "" : name + ": ").append(text);
            }
        }
        if (front.isEmpty()) return lost(where, "nothing on the front but media or blanks", losses);
        if (back.isEmpty()) return lost(where, "nothing on the back", losses);
        return Optional.of(new Question.Flashcard(with(common, front, explanation, hint), back.toString()));
    }

    private Optional<Question> cloze(Note note, NoteType type, Question.Common common, String where, List<Loss> losses) {
        boolean own = type.name().equals(CLOZE_TYPE);
        int textField = 0;
        if (!own) {
            while (textField < note.fields().size() && !AnkiCloze.has(note.fields().get(textField))) textField++;
            if (textField == note.fields().size()) return lost(where, "a cloze note without a cloze deletion", losses);
        }
        String explanation;
        String hint = null;
        if (own) {
            explanation = AnkiText.text(field(note, type, "Explanation", 1), where, losses);
            hint = blankToNull(AnkiText.text(field(note, type, "Hint", 2), where, losses));
        } else {
            StringBuilder rest = new StringBuilder();
            for (int i = 0; i < note.fields().size(); i++) {
                if (i == textField) continue;
                String text = AnkiText.text(note.fields().get(i), where, losses);
                if (!text.isEmpty()) rest.append(rest.length() > 0 ? "\n\n" : "").append(text);
            }
            explanation = rest.toString();
        }
        String html = own ? field(note, type, "Text", 0) : note.fields().get(textField);
        return ClozeNote.question(html, common, explanation, hint, where, losses);
    }

    /** A field by name, else by its usual position; empty when the note has neither. */
    private static String field(Note note, NoteType type, String name, int position) {
        int at = type.fields().indexOf(name);
        if (at < 0) at = position;
        return at < note.fields().size() ? note.fields().get(at) : "";
    }

    /** Anki's tags (separated by spaces) as tags: each once, in order, without control characters. */
    static List<String> tags(String tags) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : tags.split(" ")) {
            String tag = Printable.line(t).replace("\uFFFD", "").strip();
            if (!tag.isEmpty()) out.add(tag);
        }
        return List.copyOf(out);
    }

    static Question.Common with(Question.Common c, String prompt, String explanation, String hint) {
        return new Question.Common(c.concept(), c.id(), prompt, explanation, hint, c.tags(), c.sources(), c.where());
    }

    static <T> Optional<T> lost(String where, String why, List<Loss> losses) {
        losses.add(Loss.item(where, why));
        return Optional.empty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The cards of each note, by note id, lowest ordinal first. */
    static Map<Long, List<AnkiRecords.Card>> cardsByNote(List<AnkiRecords.Card> cards) {
        Map<Long, List<AnkiRecords.Card>> byNote = new HashMap<>();
        for (AnkiRecords.Card c : cards) byNote.computeIfAbsent(c.note(), k -> new ArrayList<>()).add(c);
        return byNote;
    }

    /** The review-log rows of each card, by card id, oldest first. */
    static Map<Long, List<AnkiRecords.Revlog>> reviewsByCard(List<AnkiRecords.Revlog> revlog) {
        Map<Long, List<AnkiRecords.Revlog>> byCard = new LinkedHashMap<>();
        for (AnkiRecords.Revlog r : revlog) byCard.computeIfAbsent(r.card(), k -> new ArrayList<>()).add(r);
        return byCard;
    }
}
