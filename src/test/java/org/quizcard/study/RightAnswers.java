package org.quizcard.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quizcard.bank.Question;
import org.quizcard.check.Response;

/** The right response to any question, for tests that need a learner who knows the answer. */
public final class RightAnswers {
    private RightAnswers() {
    }

    public static Response of(Question q) {
        if (q instanceof Question.Single s) return new Response.Choice(right(s.options()));
        if (q instanceof Question.Multiple m) return new Response.Choice(right(m.options()));
        if (q instanceof Question.TrueFalse t) return new Response.Bool(t.answer());
        if (q instanceof Question.Text t) return new Response.Typed(t.answers().get(0));
        if (q instanceof Question.Numeric n) return new Response.Number(n.answer());
        if (q instanceof Question.Order o) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < o.items().size(); i++) order.add(i);
            return new Response.Sequence(order);
        }
        if (q instanceof Question.Match m) {
            Map<Integer, Integer> pairs = new HashMap<>();
            for (int i = 0; i < m.pairs().size(); i++) pairs.put(i, i);
            return new Response.Pairs(pairs);
        }
        if (q instanceof Question.Cloze z) return new Response.Blanks(z.blanks().stream().map(b -> b.answers().get(0)).toList());
        return new Response.SelfRating(3);
    }

    private static List<Integer> right(List<Question.Option> options) {
        List<Integer> picks = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) if (options.get(i).correct()) picks.add(i);
        return picks;
    }
}
