package org.quizcard.exchange.anki;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Misconception;
import org.quizcard.bank.Position;
import org.quizcard.bank.Printable;
import org.quizcard.bank.Question;
import org.quizcard.bank.QuestionLine;
import org.quizcard.exchange.Deck;
import org.quizcard.exchange.Html;
import org.quizcard.exchange.Ids;
import org.quizcard.exchange.ImportOptions;
import org.quizcard.exchange.Loss;
import org.quizcard.exchange.PastReview;
import org.quizcard.exchange.Rebind;

/**
 * Anki notes as questions, grouped into concepts, as the Anki conventions of docs/exchange.md say:
 * quizcard's own note types read back to the questions they were written from (a "quizcard
 * Question" from its Source field); Anki's cloze types become cloze questions, a blank per
 * {@code {{cN::…}}} deletion in reading order, its hint kept in the question's hint; every other
 * note type a flashcard, first field on the front and the rest on the back. A GUID
 * {@code quizcard:CONCEPT/ID} keeps its concept and id; other notes go into the concept named by
 * their deck's last part, with an id from their first words.
 */
public final class AnkiNoteImport {
    /** The prompt of a cloze question Anki's own notes give no prompt for. */
    static final String CLOZE_PROMPT = "Fill in the blanks.";

    /**
     * One note as a file holds it: {@code where} names it for losses ("FILE:LINE" or "FILE: note ID"),
     * {@code cloze} whether its note type makes cloze cards, {@code html} whether its fields are HTML,
     * {@code deck} its deck's full name (null when the file names none).
     */
    public record Note(String where, String guid, String noteType, boolean cloze, List<String> fields, boolean html,
                       String deck, List<String> tags) { }

    private final ImportOptions options;
    private final String fallbackConcept;
    private final List<Loss> losses;
    private final Map<String, String> titles = new LinkedHashMap<>();
    private final Map<String, List<Question>> questions = new HashMap<>();
    private final Map<String, Ids> ids = new HashMap<>();
    private final Map<String, Misconception> misconceptions = new LinkedHashMap<>();
    private final String file;

    /** Notes of {@code file}; {@code fallbackConcept} names notes without a deck (the file's name). */
    public AnkiNoteImport(String file, String fallbackConcept, ImportOptions options, List<Loss> losses) {
        this.file = file;
        this.fallbackConcept = fallbackConcept;
        this.options = options;
        this.losses = losses;
    }

    /** Adds a note as a question; its ref ({@code concept/id}), or null when it was left out (a Loss says why). */
    public String add(Note note) {
        String concept = conceptOf(note);
        String[] guid = quizcardGuid(note.guid());
        String id = guid == null ? null : guid[1];
        Question.Common common = new Question.Common(concept, "?", "", "", null, tags(note), List.of(),
                Position.ofFile(file));
        AnkiModel model = AnkiModel.named(note.noteType());
        Question q;
        if (model == AnkiModel.QUESTION && note.fields().size() >= 4) {
            q = fromSource(note, common);
        } else if (model == AnkiModel.CLOZE || (model == null && note.cloze())) {
            q = cloze(note, common, model == AnkiModel.CLOZE);
        } else {
            q = flashcard(note, common, model == AnkiModel.BASIC);
        }
        if (q == null) return null;
        Ids taken = ids.computeIfAbsent(concept, k -> new Ids());
        String preferred = id != null ? id : "?".equals(q.id()) ? null : q.id();
        String finalId = preferred != null && taken.take(preferred) ? preferred : taken.unique(q.prompt(), "note");
        q = Rebind.withId(q, finalId);
        questions.computeIfAbsent(concept, k -> new ArrayList<>()).add(q);
        return q.ref();
    }

    /** The questions added, by concept in the order first seen, with the misconceptions they name. */
    public Deck deck(List<PastReview> history) {
        List<Concept> concepts = new ArrayList<>();
        titles.forEach((id, title) -> {
            List<Question> qs = questions.getOrDefault(id, List.of());
            if (!qs.isEmpty()) {
                concepts.add(new Concept(id, title, "Imported from Anki: " + title + ".", List.of(), qs,
                        Position.ofFile(file)));
            }
        });
        return new Deck(concepts, List.copyOf(misconceptions.values()), losses, history);
    }

    /** {@code [concept, id]} of a GUID quizcard wrote, or null. */
    static String[] quizcardGuid(String guid) {
        if (guid == null || !guid.startsWith(AnkiNotes.GUID_PREFIX)) return null;
        String ref = guid.substring(AnkiNotes.GUID_PREFIX.length());
        int slash = ref.indexOf('/');
        if (slash < 0) return null;
        String concept = ref.substring(0, slash);
        String id = ref.substring(slash + 1);
        return Ids.valid(concept) && Ids.valid(id) ? new String[] {concept, id} : null;
    }

    private String conceptOf(Note note) {
        String[] guid = quizcardGuid(note.guid());
        String deck = note.deck() == null || note.deck().isBlank() ? null : Printable.line(note.deck().strip());
        String last = deck == null ? null : deck.substring(deck.lastIndexOf("::") + 2).strip();
        String id;
        if (options.concept() != null) {
            id = options.concept();
        } else if (guid != null) {
            id = guid[0];
        } else {
            id = Ids.slug(last == null || last.isEmpty() ? fallbackConcept : last);
            if (id.isEmpty()) id = "anki";
        }
        String title = options.concept() != null ? options.concept()
                : guid != null && deck != null ? deck : last == null || last.isEmpty() ? fallbackConcept : last;
        titles.putIfAbsent(id, title);
        return id;
    }

    private List<String> tags(Note note) {
        List<String> tags = new ArrayList<>();
        for (String t : note.tags()) {
            String tag = Printable.line(t).strip();
            if (!tag.isEmpty() && !tags.contains(tag)) tags.add(tag);
        }
        return tags;
    }

    /** Field {@code i} as plain text (empty when missing), media in it listed as lost. */
    private String text(Note note, int i) {
        if (i >= note.fields().size()) return "";
        String raw = note.fields().get(i);
        if (!note.html()) return Printable.text(raw).strip();
        Html.Text t = Html.toText(raw);
        for (String medium : t.media()) {
            losses.add(Loss.part(note.where(), medium + ": a bank holds text only"));
        }
        return t.text().strip();
    }

    private static String orNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private Question flashcard(Note note, Question.Common common, boolean ours) {
        String front = text(note, 0);
        String back;
        String explanation = "";
        String hint = null;
        if (ours) {
            back = text(note, 1);
            explanation = text(note, 2);
            hint = orNull(text(note, 3));
        } else {
            List<String> rest = new ArrayList<>();
            for (int i = 1; i < note.fields().size(); i++) {
                String t = text(note, i);
                if (!t.isEmpty()) rest.add(t);
            }
            back = String.join("\n\n", rest);
        }
        if (front.isEmpty() || back.isEmpty()) {
            losses.add(Loss.item(note.where(), front.isEmpty() ? "the note's first field is empty"
                    : "the note has nothing on its back"));
            return null;
        }
        return new Question.Flashcard(common(common, front, explanation, hint), back);
    }

    private static Question.Common common(Question.Common c, String prompt, String explanation, String hint) {
        return new Question.Common(c.concept(), c.id(), prompt, explanation, hint, c.tags(), c.sources(), c.where());
    }

    private Question fromSource(Note note, Question.Common common) {
        String source = text(note, 3);
        QuestionLine.Read read = QuestionLine.read(note.where(), source, common.concept());
        if (read.question() == null) {
            losses.add(Loss.part(note.where(), "its Source field cannot be read (" + Printable.line(read.problem())
                    + "): imported from its Front and Back as a flashcard"));
            return flashcard(note, common, false);
        }
        Question q = KnownMisconceptions.keep(read.question(), options.catalogue(), misconceptions, note.where(),
                losses);
        Question.Common c = q.common();
        return q.with(new Question.Common(common.concept(), c.id(), c.prompt(), c.explanation(), c.hint(), c.tags(),
                c.sources(), common.where(), c.lintAllow()));
    }

    private Question cloze(Note note, Question.Common common, boolean ours) {
        String prompt = CLOZE_PROMPT;
        String field = note.fields().isEmpty() ? "" : note.fields().get(0);
        if (note.html() && field.startsWith(AnkiNotes.PROMPT_OPEN)) {
            int close = field.indexOf(AnkiNotes.PROMPT_CLOSE);
            if (close > 0) {
                String written = Html.toText(field.substring(AnkiNotes.PROMPT_OPEN.length(), close)).text().strip();
                if (!written.isEmpty()) prompt = written;
                field = field.substring(close + AnkiNotes.PROMPT_CLOSE.length());
            }
        }
        List<String> fields = new ArrayList<>(note.fields());
        if (!fields.isEmpty()) fields.set(0, field);
        Note rest = new Note(note.where(), note.guid(), note.noteType(), true, fields, note.html(), note.deck(),
                note.tags());
        ClozeText parsed = ClozeText.parse(text(rest, 0));
        if (parsed.problem() != null) {
            losses.add(Loss.item(note.where(), parsed.problem()));
            return null;
        }
        parsed.notes().forEach(n -> losses.add(Loss.part(note.where(), n)));
        String explanation;
        List<String> hints = new ArrayList<>();
        if (ours) {
            explanation = text(rest, 1);
            if (!text(rest, 2).isEmpty()) hints.add(text(rest, 2));
        } else {
            List<String> extra = new ArrayList<>();
            for (int i = 1; i < fields.size(); i++) if (!text(rest, i).isEmpty()) extra.add(text(rest, i));
            explanation = String.join("\n\n", extra);
        }
        hints.addAll(parsed.hints());
        List<Question.Blank> blanks = parsed.answers().stream()
                .map(a -> new Question.Blank(List.of(a), List.of(), Position.ofFile(file))).toList();
        return new Question.Cloze(common(common, prompt, explanation, orNull(String.join("\n", hints))),
                parsed.text(), blanks);
    }
}
