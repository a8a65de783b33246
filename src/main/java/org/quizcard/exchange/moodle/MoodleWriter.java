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

/**
 * Writes a bank as Moodle XML, every question type included: a category per concept
 * ({@code $course$/top/<title>}, the concept's id as its {@code <idnumber>}), then its questions,
 * each named by its id (also its {@code <idnumber>}) with the explanation as general feedback.
 * Wrong options, answers and blanks carry their misconception's refutation as per-answer feedback
 * ({@link Feedback}). A flashcard is an essay that asks for no response, its back the grader
 * information and the first paragraph of the general feedback. docs/exchange.md has the mapping.
 */
public final class MoodleWriter implements BankExporter {
    @Override
    public List<Loss> write(Bank bank, Path out) throws IOException {
        List<Loss> losses = new ArrayList<>();
        XmlOut xml = new XmlOut();
        xml.open("quiz");
        for (Concept c : bank.concepts()) {
            xml.comment("concept: " + c.id());
            xml.open("question", "type", "category");
            xml.open("category").text("$course$/top/" + c.title().replace("/", "//")).close("category");
            xml.rich("info", html(MoodleText.withSources(c.summary(), c.sources())));
            xml.element("idnumber", c.id());
            xml.close("question");
            for (Question q : c.questions()) new One(bank, xml, losses, q).write();
        }
        xml.close("quiz");
        Files.writeString(out, xml.toString(), StandardCharsets.UTF_8);
        return losses;
    }

    /** One question's XML. */
    private record One(Bank bank, XmlOut xml, List<Loss> losses, Question q) {
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
            xml.comment("question: " + q.ref());
            xml.open("question", "type", moodleType());
            xml.open("name").text(q.id()).close("name");
            xml.rich("questiontext", q instanceof Question.Cloze z ? cloze(z) : html(q.prompt()));
            String general = q.common().explanation();
            if (q instanceof Question.Flashcard f) general = general == null || general.isBlank() ? f.back() : f.back() + "\n\n" + general;
            xml.rich("generalfeedback", html(MoodleText.withSources(general, q.common().sources())));
            if (!(q instanceof Question.Cloze)) xml.element("defaultgrade", "1");
            xml.element("penalty", q instanceof Question.Flashcard ? "0" : "0.3333333");
            xml.element("hidden", "0");
            xml.element("idnumber", q.id());
            answers(where);
            if (q.common().hint() != null) xml.rich("hint", html(q.common().hint()));
            if (!q.common().tags().isEmpty()) {
                xml.open("tags");
                q.common().tags().forEach(t -> xml.open("tag").text(t).close("tag"));
                xml.close("tags");
            }
            xml.close("question");
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

        private void answers(String where) {
            if (q instanceof Question.Choice c) {
                choice(c);
            } else if (q instanceof Question.TrueFalse t) {
                answer(t.answer() ? "100" : "0", "true", t.answer() ? null : Feedback.write(null, t.misconception(), bank));
                answer(t.answer() ? "0" : "100", "false", t.answer() ? Feedback.write(null, t.misconception(), bank) : null);
            } else if (q instanceof Question.Text t) {
                if (t.regex() != null) {
                    losses.add(Loss.part(where, "regex '" + t.regex() + "': Moodle's short answer takes only * wildcards"));
                }
                xml.element("usecase", "0");
                t.answers().forEach(a -> answer("100", Embedded.starred(a), null));
                t.wrong().forEach(w -> answer("0", Embedded.starred(w.answer()), Feedback.write(null, w.misconception(), bank)));
            } else if (q instanceof Question.Numeric n) {
                numeric(n);
            } else if (q instanceof Question.Order o) {
                xml.element("layouttype", "VERTICAL").element("selecttype", "ALL").element("selectcount", "0")
                        .element("gradingtype", "ALL_OR_NOTHING").element("showgrading", "SHOW")
                        .element("numberingstyle", "none");
                for (int i = 0; i < o.items().size(); i++) {
                    xml.open("answer", "fraction", String.valueOf(i + 1), "format", "html")
                            .text(html(o.items().get(i))).close("answer");
                }
            } else if (q instanceof Question.Match m) {
                xml.element("shuffleanswers", "true");
                for (Question.Pair p : m.pairs()) {
                    xml.open("subquestion", "format", "html").text(html(p.left()));
                    xml.open("answer").text(p.right()).close("answer");
                    xml.close("subquestion");
                }
            } else if (q instanceof Question.Flashcard f) {
                xml.element("responseformat", "editor").element("responserequired", "0")
                        .element("responsefieldlines", "5").element("attachments", "0")
                        .element("attachmentsrequired", "0");
                xml.rich("graderinfo", html(f.back()));
                xml.rich("responsetemplate", "");
            }
        }

        private void choice(Question.Choice c) {
            boolean single = c instanceof Question.Single;
            int right = (int) c.options().stream().filter(Question.Option::correct).count();
            xml.element("single", String.valueOf(single)).element("shuffleanswers", "true")
                    .element("answernumbering", "abc").element("showstandardinstruction", "0");
            for (Question.Option o : c.options()) {
                String fraction = single ? (o.correct() ? "100" : "0") : fraction(Choices.share(right, o.correct()));
                xml.open("answer", "fraction", fraction, "format", "html").text(html(o.text()));
                feedback(Feedback.write(o.explanation(), o.misconception(), bank));
                xml.close("answer");
            }
        }

        private void numeric(Question.Numeric n) {
            xml.open("answer", "fraction", "100", "format", "moodle_auto_format").text(Numbers.plain(n.answer()));
            xml.element("tolerance", Numbers.plain(n.tolerance()));
            feedback(null);
            xml.close("answer");
            if (n.unit() != null) {
                xml.open("units").open("unit").element("multiplier", "1").element("unit_name", n.unit())
                        .close("unit").close("units");
            }
            xml.element("unitgradingtype", "0").element("unitpenalty", "0.1000000")
                    .element("showunits", n.unit() == null ? "3" : "0").element("unitsleft", "0");
        }

        /** An answer of a true/false or short-answer question: plain text, with optional feedback. */
        private void answer(String fraction, String text, String feedback) {
            xml.open("answer", "fraction", fraction, "format", "moodle_auto_format").text(text);
            feedback(feedback);
            xml.close("answer");
        }

        private void feedback(String text) {
            xml.rich("feedback", html(text));
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

    /** Text as HTML that shows as written ({@link Html#fromText}), a line of the file for each line of the text. */
    private static String html(String text) {
        return Html.fromText(text).replace("<br>", "<br>\n");
    }
}
