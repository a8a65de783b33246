package org.quizcard.exchange.moodle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Lint;
import org.quizcard.bank.Misconception;
import org.quizcard.bank.Position;
import org.quizcard.bank.Printable;
import org.quizcard.bank.Problem;
import org.quizcard.bank.Question;
import org.quizcard.exchange.Catalogue;
import org.quizcard.exchange.Feedback;
import org.quizcard.exchange.Ids;
import org.quizcard.exchange.Loss;
import org.w3c.dom.Element;

/**
 * One Moodle question as a quizcard question: the fields every type shares (name, question text,
 * general feedback, hints, tags), then its type's answers. A question a bank could not load (too
 * few options, no right answer...) is left out with the reason lint gives.
 */
final class MoodleQuestions {
    private final String where;
    private final String concept;
    private final Catalogue catalogue;
    private final List<Loss> losses;
    private final Map<String, Misconception> misconceptions;
    /** Losses of parts, kept only when the question itself is kept. */
    final List<Loss> parts = new ArrayList<>();
    private final Map<String, Misconception> named = new LinkedHashMap<>();

    MoodleQuestions(String where, String concept, Catalogue catalogue, List<Loss> losses,
                    Map<String, Misconception> misconceptions) {
        this.where = where;
        this.concept = concept;
        this.catalogue = catalogue;
        this.losses = losses;
        this.misconceptions = misconceptions;
    }

    /** The question, or null when it was left out (and the loss recorded). */
    Question read(Element q, String type, String name, Ids ids) {
        Question question = switch (type) {
            case "description" -> drop("a description, not a question");
            case "cloze", "multianswer" -> Cloze.read(this, q, name, ids);
            case "multichoice", "truefalse", "shortanswer", "numerical", "matching", "match", "ordering", "essay" -> {
                Question.Common common = common(q, read(MoodleXml.child(q, "questiontext")).text(), name, ids);
                yield common == null ? drop("it has no question text") : switch (type) {
                    case "multichoice" -> Choices.multichoice(this, q, common);
                    case "truefalse" -> Choices.trueFalse(this, q, common);
                    case "shortanswer" -> Typed.shortAnswer(this, q, common);
                    case "numerical" -> Typed.numerical(this, q, common);
                    case "ordering" -> Choices.ordering(this, q, common);
                    case "essay" -> flashcard(q, common, name);
                    default -> Choices.matching(this, q, common);
                };
            }
            default -> drop("a Moodle '" + Printable.line(MoodleReader.abbreviate(type))
                    + "' question: quizcard has no such type");
        };
        if (question == null) return null;
        String problem = problem(question);
        if (problem != null) return drop(problem);
        losses.addAll(parts);
        misconceptions.putAll(named);
        return question;
    }

    /** The fields every question shares; null when it has no question text. */
    Question.Common common(Element q, String prompt, String name, Ids ids) {
        if (prompt == null) return null;
        MoodleText.Read general = read(MoodleXml.child(q, "generalfeedback"));
        MoodleText.Sourced sourced = MoodleText.sources(general.text());
        List<String> hints = new ArrayList<>();
        for (Element h : MoodleXml.children(q, "hint")) {
            MoodleText.Read hint = read(h);
            if (!hint.blank()) hints.add(hint.text());
        }
        List<String> tags = new ArrayList<>();
        Element tagList = MoodleXml.child(q, "tags");
        if (tagList != null) {
            for (Element tag : MoodleXml.children(tagList, "tag")) {
                String t = MoodleXml.textOf(tag).strip();
                if (!t.isEmpty() && !tags.contains(t)) tags.add(Printable.line(t));
            }
        }
        String id = name != null && Ids.valid(name) && ids.take(name) ? name : ids.unique(name, prompt);
        // a bank's question without an explanation has an empty one
        String explanation = sourced.text() == null ? "" : sourced.text();
        return new Question.Common(concept, id, prompt, explanation, hints.isEmpty() ? null : String.join("\n\n", hints),
                tags, sourced.sources(), Position.ofFile(concept + ".yaml"));
    }

    /** An essay: a flashcard when quizcard wrote it (its grader information is the back), else left out. */
    private Question flashcard(Element q, Question.Common common, String name) {
        String idnumber = MoodleXml.text(q, "idnumber");
        boolean ours = name != null && Ids.valid(name) && name.equals(idnumber == null ? null : idnumber.strip());
        MoodleText.Read back = read(MoodleXml.child(q, "graderinfo"));
        if (!ours || back.blank()) return drop("an essay, graded by a teacher: quizcard has no such type");
        String explanation = common.explanation();
        // quizcard's export shows the back to Moodle's learners too, as the general feedback's first paragraph
        if (explanation.equals(back.text())) {
            explanation = "";
        } else if (explanation.startsWith(back.text() + "\n\n")) {
            explanation = explanation.substring(back.text().length() + 2);
        }
        return new Question.Flashcard(new Question.Common(common.concept(), common.id(), common.prompt(), explanation,
                common.hint(), common.tags(), common.sources(), common.where()), back.text());
    }

    /** A rich field as text; its media are losses of this question. */
    MoodleText.Read read(Element field) {
        MoodleText.Read r = MoodleText.read(field);
        r.media().forEach(m -> part(m + ": banks hold text only"));
        return r;
    }

    /** Per-answer feedback read by quizcard's convention: the explanation, and a misconception the catalogue knows. */
    Feedback.Read feedback(Element answer) {
        MoodleText.Read text = read(MoodleXml.child(answer, "feedback"));
        return feedback(text.text());
    }

    Feedback.Read feedback(String text) {
        Feedback.Read read = Feedback.read(text, catalogue);
        if (read.misconception() != null) {
            catalogue.find(read.misconception()).ifPresent(m -> named.put(m.id(), m));
        }
        return read;
    }

    /** The fraction an answer gives, in percent (Moodle writes 100 for a right answer). */
    static double fraction(Element answer) {
        try {
            return Double.parseDouble(answer.getAttribute("fraction").strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String percent(double fraction) {
        return (fraction == Math.rint(fraction) ? String.valueOf((long) fraction)
                : String.format(Locale.ROOT, "%.2f", fraction).replaceAll("0+$", "")) + " %";
    }

    void part(String what) {
        parts.add(Loss.part(where, what));
    }

    Question drop(String why) {
        losses.add(Loss.item(where, why));
        return null;
    }

    /** The first error lint finds in the question alone, with the misconceptions it names; null when none. */
    private String problem(Question q) {
        Concept c = new Concept(concept, concept, "-", List.of(), List.of(q), Position.ofFile(concept + ".yaml"));
        Map<String, Misconception> known = new HashMap<>(named);
        for (String probe : q.probes()) catalogue.find(probe).ifPresent(m -> known.put(m.id(), m));
        for (Problem p : Lint.check(new Bank(List.of(c), known), false)) {
            if (p.isError()) return p.message().replace("question '" + q.id() + "': ", "").replace("question '" + q.id() + "' ", "it ");
        }
        return null;
    }
}
