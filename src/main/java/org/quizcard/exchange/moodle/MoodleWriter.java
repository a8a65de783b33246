package org.quizcard.exchange.moodle;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Question;
import org.quizcard.exchange.BankExporter;
import org.quizcard.exchange.Feedback;
import org.quizcard.exchange.Html;
import org.quizcard.exchange.Loss;
import org.quizcard.exchange.Numbers;
import org.quizcard.exchange.Xml;

/**
 * Writes a bank as Moodle XML, every question type included: a category per concept
 * ({@code $course$/top/<title>}, the concept's id as its {@code <idnumber>}), then its questions,
 * each named by its id (also its {@code <idnumber>}) with the explanation as general feedback.
 * Wrong options, answers and blanks carry their misconception's refutation as per-answer feedback
 * ({@link Feedback}). A flashcard is an essay that asks for no response, its back the grader
 * information and the first paragraph of the general feedback. docs/exchange.md has the mapping.
 * The file is laid out as Moodle lays out its own exports: two spaces a level, a rich field's
 * text in a {@code <text>} child, text that holds markup in a CDATA section.
 */
public final class MoodleWriter implements BankExporter {
    @Override
    public List<Loss> write(Bank bank, Path out) throws IOException {
        List<Loss> losses = new ArrayList<>();
        Xml quiz = Xml.element("quiz");
        for (Concept c : bank.concepts()) {
            Xml category = quiz.comment("concept: " + c.id()).child("question").attr("type", "category");
            leaves(category.child("category"), "text", "$course$/top/" + c.title().replace("/", "//"));
            rich(category, "info", html(MoodleText.withSources(c.summary(), c.sources())));
            leaves(category, "idnumber", c.id());
            for (Question q : c.questions()) new One(bank, quiz, losses, q).write();
        }
        Files.writeString(out, quiz.document(), StandardCharsets.UTF_8);
        return losses;
    }

    /** One question's XML, added to the quiz. */
    private record One(Bank bank, Xml quiz, List<Loss> losses, Question q) {
        void write() {
            String where = "question " + q.ref();
            if (!q.common().lintAllow().isEmpty()) {
                losses.add(Loss.part(where, "lint-allow " + String.join(", ", q.common().lintAllow().keySet())
                        + ": Moodle has no place for lint settings"));
            }
            if (q instanceof Question.Text t && t.answers().isEmpty()) {
                losses.add(Loss.item(where, "it accepts only what its regex matches, and Moodle's short answer has no regex"));
                return;
            }
            Xml xml = quiz.comment("question: " + q.ref()).child("question").attr("type", moodleType());
            leaves(xml.child("name"), "text", q.id());
            rich(xml, "questiontext", q instanceof Question.Cloze z ? cloze(z) : html(q.prompt()));
            String general = q.common().explanation();
            if (q instanceof Question.Flashcard f) general = general == null || general.isBlank() ? f.back() : f.back() + "\n\n" + general;
            rich(xml, "generalfeedback", html(MoodleText.withSources(general, q.common().sources())));
            if (!(q instanceof Question.Cloze)) leaves(xml, "defaultgrade", "1");
            String penalty = q instanceof Question.Flashcard ? "0" : "0.3333333";
            leaves(xml, "penalty", penalty, "hidden", "0", "idnumber", q.id());
            answers(xml, where);
            if (q.common().hint() != null) rich(xml, "hint", html(q.common().hint()));
            if (!q.common().tags().isEmpty()) {
                Xml tags = xml.child("tags");
                q.common().tags().forEach(t -> leaves(tags.child("tag"), "text", t));
            }
        }

        private String moodleType() {
            return switch (q.type()) {
                case SINGLE, MULTIPLE -> "multichoice";
                case TRUEFALSE -> "truefalse";
                case TEXT -> "shortanswer";
                case NUMERIC -> "numerical";
                case ORDER -> "ordering";
                case MATCH -> "matching";
                case CLOZE -> "cloze";
                case FLASHCARD -> "essay";
            };
        }

        private void answers(Xml xml, String where) {
            if (q instanceof Question.Choice c) {
                choice(xml, c);
            } else if (q instanceof Question.TrueFalse t) {
                String refutation = Feedback.write(null, t.misconception(), bank);
                answer(xml, t.answer() ? "100" : "0", "true", t.answer() ? null : refutation);
                answer(xml, t.answer() ? "0" : "100", "false", t.answer() ? refutation : null);
            } else if (q instanceof Question.Text t) {
                if (t.regex() != null) {
                    losses.add(Loss.part(where, "regex '" + t.regex() + "': Moodle's short answer takes only * wildcards"));
                }
                leaves(xml, "usecase", "0");
                t.answers().forEach(a -> answer(xml, "100", Embedded.starred(a), null));
                t.wrong().forEach(w -> answer(xml, "0", Embedded.starred(w.answer()),
                        Feedback.write(null, w.misconception(), bank)));
            } else if (q instanceof Question.Numeric n) {
                numeric(xml, n);
            } else if (q instanceof Question.Order o) {
                leaves(xml, "layouttype", "VERTICAL", "selecttype", "ALL", "selectcount", "0",
                        "gradingtype", "ALL_OR_NOTHING", "showgrading", "SHOW", "numberingstyle", "none");
                for (int i = 0; i < o.items().size(); i++) {
                    Xml answer = xml.child("answer").attr("fraction", i + 1).attr("format", "html");
                    leaves(answer, "text", html(o.items().get(i)));
                }
            } else if (q instanceof Question.Match m) {
                leaves(xml, "shuffleanswers", "true");
                for (Question.Pair p : m.pairs()) {
                    Xml sub = leaves(xml.child("subquestion").attr("format", "html"), "text", html(p.left()));
                    leaves(sub.child("answer"), "text", p.right());
                }
            } else if (q instanceof Question.Flashcard f) {
                leaves(xml, "responseformat", "editor", "responserequired", "0", "responsefieldlines", "5",
                        "attachments", "0", "attachmentsrequired", "0");
                rich(xml, "graderinfo", html(f.back()));
                rich(xml, "responsetemplate", "");
            }
        }

        private void choice(Xml xml, Question.Choice c) {
            boolean single = c instanceof Question.Single;
            int right = (int) c.options().stream().filter(Question.Option::correct).count();
            leaves(xml, "single", String.valueOf(single), "shuffleanswers", "true", "answernumbering", "abc",
                    "showstandardinstruction", "0");
            for (Question.Option o : c.options()) {
                String fraction = single ? (o.correct() ? "100" : "0") : fraction(Choices.share(right, o.correct()));
                Xml answer = xml.child("answer").attr("fraction", fraction).attr("format", "html");
                leaves(answer, "text", html(o.text()));
                rich(answer, "feedback", html(Feedback.write(o.explanation(), o.misconception(), bank)));
            }
        }

        private void numeric(Xml xml, Question.Numeric n) {
            Xml answer = leaves(xml.child("answer").attr("fraction", "100").attr("format", "moodle_auto_format"),
                    "text", Numbers.plain(n.answer()), "tolerance", Numbers.plain(n.tolerance()));
            rich(answer, "feedback", "");
            if (n.unit() != null) leaves(xml.child("units").child("unit"), "multiplier", "1", "unit_name", n.unit());
            leaves(xml, "unitgradingtype", "0", "unitpenalty", "0.1000000", "showunits", n.unit() == null ? "3" : "0",
                    "unitsleft", "0");
        }

        /** An answer of a true/false or short-answer question: plain text, with optional feedback. */
        private void answer(Xml xml, String fraction, String text, String feedback) {
            Xml answer = xml.child("answer").attr("fraction", fraction).attr("format", "moodle_auto_format");
            leaves(answer, "text", text);
            rich(answer, "feedback", html(feedback));
        }

        /** A cloze's question text: the prompt, then the text with each blank an embedded short answer. */
        private String cloze(Question.Cloze z) {
            StringBuilder b = new StringBuilder();
            b.append("<div class=\"").append(Cloze.PROMPT_CLASS).append("\">").append(html(z.prompt()))
                    .append("</div>\n<p>");
            List<String> parts = z.parts();
            for (int i = 0; i < parts.size(); i++) {
                b.append(html(parts.get(i)).replace("{", "&#123;"));
                if (i < z.blanks().size()) b.append(blank(i + 1, z.blanks().get(i)));
            }
            return b.append("</p>").toString();
        }

        private String blank(int number, Question.Blank blank) {
            StringBuilder b = new StringBuilder("{1:SHORTANSWER:");
            String sep = "";
            for (String a : blank.answers()) {
                b.append(sep).append('=').append(Embedded.answer(a));
                sep = "~";
            }
            for (Question.WrongAnswer w : blank.wrong()) {
                b.append(sep).append("%0%").append(Embedded.answer(w.answer()));
                String fb = Feedback.write(null, w.misconception(), bank);
                if (fb != null) b.append('#').append(Embedded.feedback(fb));
                sep = "~";
            }
            return b.append('}').toString();
        }
    }

    /** A fraction in percent as Moodle writes one: at most 7 decimals ({@code 33.3333333}). */
    static String fraction(double percent) {
        return new BigDecimal(percent).setScale(7, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    /** Adds {@code <tag>value</tag>} to {@code parent} for each tag and value in turn; returns the parent. */
    private static Xml leaves(Xml parent, String... tagsAndValues) {
        for (int i = 0; i + 1 < tagsAndValues.length; i += 2) {
            parent.child(tagsAndValues[i]).raw(escape(tagsAndValues[i + 1]));
        }
        return parent;
    }

    /** A rich field: {@code <tag format="html"><text>html</text></tag>}. */
    private static void rich(Xml parent, String tag, String html) {
        leaves(parent.child(tag).attr("format", "html"), "text", html);
    }

    /** Character data as Moodle's own exports write it: a CDATA section when it holds markup, else escaped text. */
    static String escape(String value) {
        if (value.isEmpty()) return value;
        if (value.indexOf('<') >= 0 || value.indexOf('&') >= 0) {
            return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>";
        }
        return value.replace(">", "&gt;");
    }

    /** Text as HTML that shows as written ({@link Html#fromText}), a line of the file for each line of the text. */
    private static String html(String text) {
        return Html.fromText(text).replace("<br>", "<br>\n");
    }
}
