package org.quizcard.exchange.anki;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.quizcard.bank.Misconception;
import org.quizcard.bank.Position;
import org.quizcard.bank.Printable;
import org.quizcard.bank.Question;
import org.quizcard.bank.QuestionLine;
import org.quizcard.exchange.Catalogue;
import org.quizcard.exchange.Loss;

/**
 * One Anki note as a quizcard question, by its note type, the same for a package and a text file:
 *
 * <ul>
 *   <li>quizcard's own types ({@link AnkiModel}): "quizcard Question" from its Source field (the
 *       question as one line of flow YAML, {@link QuestionLine}; when that cannot be read, a
 *       flashcard from Front, Back and Explanation), "quizcard Basic" a flashcard and "quizcard
 *       Cloze" a cloze question from their visible fields (Explanation, Hint), so an edit made in
 *       Anki wins. Fields are found by name, else by their place in the note type;
 *   <li>a cloze type ({@link AnkiCloze}): the first field holding a deletion; the other fields
 *       its explanation;
 *   <li>any other type (Basic and its reversed, optional reversed and typing variants included):
 *       a flashcard, the first field its front, the other fields its back.
 * </ul>
 *
 * Where a note has more than one field besides the one asked, each non-empty one is written
 * {@code Name: text} (when the file names its fields). A misconception a Source names is kept
 * when the catalogue knows it ({@link KnownMisconceptions}). A note with nothing left to ask (an
 * empty front, or one that was only an image) is a loss.
 */
final class AnkiNoteReader {
    /** The prompt of a cloze note whose text has no paragraph of its own before the deletions. */
    static final String CLOZE_PROMPT = "Fill in the blanks.";

    /** A question read from a note, with the id its Source gives it (null when none or not valid). */
    record Read(Question question, String ownId) { }

    private final String file;
    private final Catalogue catalogue;
    private final Map<String, Misconception> used;
    private final List<Loss> losses;

    /** Notes of {@code file}; the misconceptions kept go into {@code used}, what is not carried into {@code losses}. */
    AnkiNoteReader(String file, Catalogue catalogue, Map<String, Misconception> used, List<Loss> losses) {
        this.file = file;
        this.catalogue = catalogue;
        this.used = used;
        this.losses = losses;
    }

    /** The question of {@code note} in {@code concept} (its id still to be given), or null with a loss saying why. */
    Read read(AnkiNote note, String concept) {
        AnkiModel own = AnkiModel.named(note.noteType());
        Question.Common common = new Question.Common(concept, "q", "", "", null, tags(note.tags()), List.of(),
                Position.ofFile(file));
        if (own == AnkiModel.QUESTION && note.field("Source", 3) != null) {
            Question q = source(note, concept);
            if (q != null) return new Read(q, q.id());
            return read(flashcard(note, common, own));
        }
        if (own == AnkiModel.CLOZE || own == null && note.cloze()) return read(cloze(note, common, own));
        return read(flashcard(note, common, own));
    }

    private static Read read(Question q) {
        return q == null ? null : new Read(q, null);
    }

    private String text(AnkiNote note, String raw) {
        return raw == null ? "" : AnkiField.text(raw, note.html(), note.where(), losses);
    }

    private Question source(AnkiNote note, String concept) {
        QuestionLine.Read read = QuestionLine.read(file, text(note, note.field("Source", 3)), concept);
        if (read.question() == null) {
            losses.add(Loss.part(note.where(), "its Source field cannot be read (" + read.problem()
                    + "): read as a flashcard from its Front and Back"));
            return null;
        }
        return KnownMisconceptions.keep(read.question(), catalogue, used, note.where(), losses);
    }

    private Question flashcard(AnkiNote note, Question.Common common, AnkiModel own) {
        String front;
        String back;
        String explanation = "";
        String hint = null;
        if (own != null) {
            front = text(note, note.field("Front", 0));
            back = text(note, note.field("Back", 1));
            explanation = text(note, note.field("Explanation", 2));
            if (own == AnkiModel.BASIC) hint = blankToNull(text(note, note.field("Hint", 3)));
        } else {
            front = note.fields().isEmpty() ? "" : text(note, note.fields().get(0));
            back = others(note, 0);
        }
        if (front.isEmpty()) return lost(note.where(), "nothing on the front but media or blanks", losses);
        if (back.isEmpty()) return lost(note.where(), "nothing on the back", losses);
        return new Question.Flashcard(with(common, front, explanation, hint), back);
    }

    private Question cloze(AnkiNote note, Question.Common common, AnkiModel own) {
        if (own == AnkiModel.CLOZE) {
            String text = note.field("Text", 0);
            return AnkiCloze.question(note, text == null ? "" : text, common, text(note, note.field("Explanation", 1)),
                    blankToNull(text(note, note.field("Hint", 2))), losses);
        }
        int at = 0;
        while (at < note.fields().size() && !AnkiCloze.has(note.fields().get(at))) at++;
        if (at == note.fields().size()) return lost(note.where(), "a cloze note without a cloze deletion", losses);
        return AnkiCloze.question(note, note.fields().get(at), common, others(note, at), null, losses);
    }

    /**
     * The fields of a note but field {@code asked}, as text: the one other alone, else each
     * non-empty one as {@code Name: text}, separated by empty lines.
     */
    private String others(AnkiNote note, int asked) {
        List<String> out = new ArrayList<>();
        boolean named = note.fields().size() > 2;
        for (int i = 0; i < note.fields().size(); i++) {
            if (i == asked) continue;
            String text = text(note, note.fields().get(i));
            if (text.isEmpty()) continue;
            String name = named ? Printable.line(note.name(i)).strip() : "";
            out.add(name.isEmpty() ? text : name + ": " + text);
        }
        return String.join("\n\n", out);
    }

    /** Anki's tags as tags: each once, in order, without control characters. */
    private static List<String> tags(List<String> tags) {
        return tags.stream().map(t -> Printable.line(t).replace("\uFFFD", "").strip()).filter(t -> !t.isEmpty())
                .distinct().toList();
    }

    static Question.Common with(Question.Common c, String prompt, String explanation, String hint) {
        return new Question.Common(c.concept(), c.id(), prompt, explanation, hint, c.tags(), c.sources(), c.where());
    }

    static <T> T lost(String where, String why, List<Loss> losses) {
        losses.add(Loss.item(where, why));
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
