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

    /**
     * Text that would give this question's answer away: right options, accepted answers, the
     * back of a card. Short words (under 5 characters) are left out, as they occur in any text.
     */
    public static List<String> secrets(Question q) {
        List<String> secrets = new ArrayList<>();
        if (q instanceof Question.Single s) s.options().stream().filter(Question.Option::correct).forEach(o -> secrets.add(o.text()));
        if (q instanceof Question.Multiple m) m.options().stream().filter(Question.Option::correct).forEach(o -> secrets.add(o.text()));
        if (q instanceof Question.Text t) secrets.addAll(t.answers());
        if (q instanceof Question.Cloze z) z.blanks().forEach(b -> secrets.addAll(b.answers()));
        if (q instanceof Question.Flashcard f) secrets.add(f.back());
        return secrets.stream().filter(s -> s.length() >= 5).toList();
    }

    private static List<Integer> right(List<Question.Option> options) {
        List<Integer> picks = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) if (options.get(i).correct()) picks.add(i);
        return picks;
    }
}
