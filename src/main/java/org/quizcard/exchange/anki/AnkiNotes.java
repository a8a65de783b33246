package org.quizcard.exchange.anki;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Misconception;
import org.quizcard.bank.Question;
import org.quizcard.bank.QuestionLine;
import org.quizcard.bank.Solution;
import org.quizcard.exchange.Feedback;
import org.quizcard.exchange.Html;
import org.quizcard.exchange.Loss;

/**
 * A bank as Anki notes, the same for the package and the text export: one deck per concept
 * (named by its title), a note per question with the GUID {@code quizcard:CONCEPT/ID}, flashcards
 * as "quizcard Basic", cloze questions as "quizcard Cloze" (blank i as {@code {{ci::ANSWER}}}),
 * every other type as "quizcard Question" with the whole question in its Source field. Field
 * text is HTML.
 */
final class AnkiNotes {
    /** How a cloze note's Text field starts: the question's prompt, set apart from the text with the blanks. */
    static final String PROMPT_OPEN = "<div class=prompt>";
    static final String PROMPT_CLOSE = "</div>";

    /** What every GUID quizcard writes starts with. */
    static final String GUID_PREFIX = "quizcard:";

    /** One note: its GUID, note type, deck name, fields (HTML, in the note type's order) and tags. */
    record Note(String guid, AnkiModel model, String deck, Concept concept, List<String> fields, List<String> tags,
                int cards) { }

    private AnkiNotes() {
    }

    /** Every question of the bank as a note, in bank order; what Anki cannot hold goes into {@code losses}. */
    static List<Note> of(Bank bank, List<Loss> losses) {
        Map<Concept, String> decks = deckNames(bank.concepts());
        List<Note> notes = new ArrayList<>();
        for (Concept c : bank.concepts()) {
            for (Question q : c.questions()) notes.add(note(bank, c, decks.get(c), q, losses));
        }
        return notes;
    }

    /**
     * A deck name per concept: its title, {@code ::} (Anki's subdeck mark) written as {@code :}, and
     * the concept's id added where two concepts share a title.
     */
    static Map<Concept, String> deckNames(List<Concept> concepts) {
        Map<String, Integer> count = new HashMap<>();
        concepts.forEach(c -> count.merge(title(c), 1, Integer::sum));
        Map<Concept, String> names = new HashMap<>();
        concepts.forEach(c -> names.put(c, count.get(title(c)) > 1 ? title(c) + " (" + c.id() + ")" : title(c)));
        return names;
    }

    private static String title(Concept c) {
        return c.title().replace("::", ":");
    }

    private static Note note(Bank bank, Concept c, String deck, Question q, List<Loss> losses) {
        String where = where(q);
        Question.Common common = q.common();
        List<String> tags = new ArrayList<>();
        for (String tag : common.tags()) {
            String written = tag.strip().replaceAll("\\s+", "_");
            if (!written.equals(tag)) losses.add(Loss.part(where, "tag '" + tag + "' is written " + written
                    + ": Anki's tags have no spaces"));
            tags.add(written);
        }
        String guid = GUID_PREFIX + q.ref();
        if (q instanceof Question.Flashcard f) {
            visibleOnly(where, common, losses);
            return new Note(guid, AnkiModel.BASIC, deck, c, List.of(Html.fromText(common.prompt()), Html.fromText(f.back()),
                    Html.fromText(common.explanation()), Html.fromText(common.hint())), tags, 1);
        }
        if (q instanceof Question.Cloze z) {
            visibleOnly(where, common, losses);
            return new Note(guid, AnkiModel.CLOZE, deck, c, List.of(clozeText(where, z, losses),
                    Html.fromText(common.explanation()), Html.fromText(common.hint())), tags, Math.max(1, z.blanks().size()));
        }
        return new Note(guid, AnkiModel.QUESTION, deck, c, List.of(front(q), back(bank, q),
                Html.fromText(common.explanation()), Html.fromText(QuestionLine.write(q))), tags, 1);
    }

    /** Where a question's losses are said to be: its file and ref. */
    static String where(Question q) {
        String file = q.common().where() == null ? null : q.common().where().file();
        return (file == null ? "" : file + ": ") + "question " + q.ref();
    }

    /** A Basic or Cloze note has no field for a question's sources or silenced lint rules. */
    private static void visibleOnly(String where, Question.Common common, List<Loss> losses) {
        if (!common.sources().isEmpty()) {
            losses.add(Loss.part(where, "sources " + String.join(", ", common.sources()) + ": the note type has no field "
                    + "for them"));
        }
        if (!common.lintAllow().isEmpty()) {
            losses.add(Loss.part(where, "lint-allow " + String.join(", ", common.lintAllow().keySet().stream().sorted()
                    .toList()) + ": the note type has no field for it"));
        }
    }

    /**
     * The prompt in a {@code <div class=prompt>} (so it reads back), then the cloze text with blank i
     * as {@code {{ci::FIRST ANSWER}}}; other answers and wrong answers are lost.
     */
    private static String clozeText(String where, Question.Cloze z, List<Loss> losses) {
        List<String> parts = z.parts();
        StringBuilder b = new StringBuilder(PROMPT_OPEN).append(Html.fromText(z.prompt())).append(PROMPT_CLOSE);
        b.append(Html.fromText(parts.get(0)));
        for (int i = 1; i < parts.size(); i++) {
            Question.Blank blank = i - 1 < z.blanks().size() ? z.blanks().get(i - 1) : null;
            List<String> answers = blank == null ? List.of() : blank.answers();
            b.append("{{c").append(i).append("::").append(Html.fromText(answers.isEmpty() ? "?" : answers.get(0), false)).append("}}");
            b.append(Html.fromText(parts.get(i), false));
            if (answers.size() > 1) {
                losses.add(Loss.part(where, "blank " + i + ": the other accepted answers (" + String.join(", ",
                        answers.subList(1, answers.size())) + "): an Anki cloze shows one answer"));
            }
            if (blank != null) {
                for (Question.WrongAnswer w : blank.wrong()) {
                    losses.add(Loss.part(where, "blank " + i + ": the known wrong answer '" + w.answer()
                            + "' (misconception " + w.misconception() + "): an Anki cloze has no place for it"));
                }
            }
        }
        return b.toString();
    }

    /** The prompt, and what a learner answers from: options a, b, c…, items or the two columns of a match. */
    private static String front(Question q) {
        StringBuilder b = new StringBuilder(Html.fromText(q.prompt()));
        if (q instanceof Question.Choice c) {
            b.append("<ol type=a>");
            c.options().forEach(o -> b.append("<li>").append(Html.fromText(o.text())).append("</li>"));
            b.append("</ol>");
            if (q instanceof Question.Multiple) b.append("<div>(Choose every right option.)</div>");
        } else if (q instanceof Question.TrueFalse) {
            b.append("<div>(True or false?)</div>");
        } else if (q instanceof Question.Order o) {
            b.append("<ul>");
            o.items().stream().sorted().forEach(i -> b.append("<li>").append(Html.fromText(i)).append("</li>"));
            b.append("</ul>");
        } else if (q instanceof Question.Match m) {
            List<String> rights = m.pairs().stream().map(Question.Pair::right).sorted(Comparator.naturalOrder()).toList();
            b.append("<table>");
            for (int i = 0; i < m.pairs().size(); i++) {
                b.append("<tr><td>").append(Html.fromText(m.pairs().get(i).left())).append("</td><td>")
                        .append(Html.fromText(rights.get(i))).append("</td></tr>");
            }
            b.append("</table>");
        }
        return b.toString();
    }

    /** The right answer, then the refutation of each misconception a wrong answer reveals. */
    private static String back(Bank bank, Question q) {
        StringBuilder b = new StringBuilder(Html.fromText(Solution.describe(q)));
        for (String id : q.probes()) {
            Misconception m = bank.misconceptions().get(id);
            if (m != null) b.append("<div class=misconception>").append(Html.fromText(Feedback.write(null, m))).append("</div>");
        }
        return b.toString();
    }


    /**
     * A field as Anki strips it for the sort field and the duplicate checksum: tags removed and the
     * entities {@link #html} writes decoded (enough for the HTML quizcard writes).
     */
    static String stripped(String html) {
        StringBuilder b = new StringBuilder(html.length());
        int i = 0;
        while (i < html.length()) {
            char ch = html.charAt(i);
            if (ch == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    b.append(html, i, html.length());
                    break;
                }
                i = end + 1;
            } else {
                b.append(ch);
                i++;
            }
        }
        return b.toString().replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
