package org.quizcard.grade;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quizcard.bank.Question;
import org.quizcard.check.Response;

/** A wrong response to any question, revealing a misconception where the question maps one. */
final class WrongAnswers {
    private WrongAnswers() {
    }

    static Response of(Question q) {
        if (q instanceof Question.Single s) return new Response.Choice(List.of(firstWrong(s.options())));
        if (q instanceof Question.Multiple m) return new Response.Choice(List.of(firstWrong(m.options())));
        if (q instanceof Question.TrueFalse t) return new Response.Bool(!t.answer());
        if (q instanceof Question.Text t) {
            return new Response.Typed(t.wrong().isEmpty() ? "zzz wrong" : t.wrong().get(0).answer());
        }
        if (q instanceof Question.Numeric n) return new Response.Number(n.answer() + n.tolerance() + 1000);
        if (q instanceof Question.Order o) {
            List<Integer> order = new ArrayList<>();
            for (int i = o.items().size() - 1; i >= 0; i--) order.add(i);
            return new Response.Sequence(order);
        }
        if (q instanceof Question.Match m) {
            Map<Integer, Integer> pairs = new HashMap<>();
            int n = m.pairs().size();
            for (int i = 0; i < n; i++) pairs.put(i, (i + 1) % n);
            return new Response.Pairs(pairs);
        }
        if (q instanceof Question.Cloze z) return new Response.Blanks(z.blanks().stream().map(b -> "zzz").toList());
        return new Response.SelfRating(1);
    }

    private static int firstWrong(List<Question.Option> options) {
        for (int i = 0; i < options.size(); i++) if (!options.get(i).correct()) return i;
        return 0;
    }
}
