package org.quizcard.exchange.anki;

import java.util.List;
import java.util.Map;
import org.quizcard.bank.Misconception;
import org.quizcard.bank.Question;
import org.quizcard.exchange.Catalogue;
import org.quizcard.exchange.Loss;

/**
 * A question read whole from a file (an Anki note's Source) names misconceptions by id: those the
 * catalogue knows are kept, and gathered for the imported bank's catalogue; any other is dropped
 * with a Loss, since a bank may only name misconceptions its catalogue holds. A known wrong answer
 * naming an unknown misconception is dropped with it (a wrong answer must name one).
 */
final class KnownMisconceptions {
    private KnownMisconceptions() {
    }

    static Question keep(Question q, Catalogue catalogue, Map<String, Misconception> used, String where,
                         List<Loss> losses) {
        Filter f = new Filter(catalogue, used, where, losses);
        if (q instanceof Question.Single s) return new Question.Single(s.common(), f.options(s.options()));
        if (q instanceof Question.Multiple m) return new Question.Multiple(m.common(), f.options(m.options()));
        if (q instanceof Question.TrueFalse t) return new Question.TrueFalse(t.common(), t.answer(), f.id(t.misconception()));
        if (q instanceof Question.Text t) return new Question.Text(t.common(), t.answers(), t.regex(), f.wrong(t.wrong()));
        if (q instanceof Question.Cloze z) {
            return new Question.Cloze(z.common(), z.text(), z.blanks().stream()
                    .map(b -> new Question.Blank(b.answers(), f.wrong(b.wrong()), b.where())).toList());
        }
        return q;
    }

    private record Filter(Catalogue catalogue, Map<String, Misconception> used, String where, List<Loss> losses) {
        /** The id when the catalogue knows it, else null (and a Loss). */
        String id(String id) {
            if (id == null) return null;
            Misconception m = catalogue.find(id).orElse(null);
            if (m == null) {
                losses.add(Loss.part(where, "misconception " + id + ": not in the catalogue (give the bank that has it "
                        + "with --bank)"));
                return null;
            }
            used.putIfAbsent(id, m);
            return id;
        }

        List<Question.Option> options(List<Question.Option> options) {
            return options.stream().map(o -> new Question.Option(o.text(), o.correct(), id(o.misconception()),
                    o.explanation(), o.where())).toList();
        }

        List<Question.WrongAnswer> wrong(List<Question.WrongAnswer> wrong) {
            return wrong.stream().filter(w -> id(w.misconception()) != null).toList();
        }
    }
}
