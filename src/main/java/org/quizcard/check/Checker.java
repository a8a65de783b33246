package org.quizcard.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.quizcard.bank.Question;

/**
 * Checks a response against a question: pure, with no terminal, file or clock, so a question
 * scores the same in a study session and in CI grading.
 */
public final class Checker {
    private Checker() {
    }

    /**
     * The verdict on {@code response} to {@code question}.
     *
     * @throws IllegalArgumentException when the response is of the wrong kind for the question
     *     or refers to options that do not exist; {@link ResponseParser} never builds such a one
     */
    public static Verdict check(Question question, Response response) {
        if (question instanceof Question.Single q && response instanceof Response.Choice r) {
            return single(q, r);
        } else if (question instanceof Question.Multiple q && response instanceof Response.Choice r) {
            return multiple(q, r);
        } else if (question instanceof Question.TrueFalse q && response instanceof Response.Bool r) {
            return r.value() == q.answer() ? Verdict.right(List.of()) : Verdict.wrong(q.misconception());
        } else if (question instanceof Question.Text q && response instanceof Response.Typed r) {
            return text(q, r.text());
        } else if (question instanceof Question.Numeric q && response instanceof Response.Number r) {
            return numeric(q, r.typed());
        } else if (question instanceof Question.Order q && response instanceof Response.Sequence r) {
            return order(q, r);
        } else if (question instanceof Question.Match q && response instanceof Response.Pairs r) {
            return match(q, r);
        } else if (question instanceof Question.Cloze q && response instanceof Response.Blanks r) {
            return cloze(q, r);
        } else if (question instanceof Question.Flashcard && response instanceof Response.SelfRating r) {
            return flashcard(r.rating());
        }
        throw new IllegalArgumentException("a " + response.getClass().getSimpleName() + " response does not answer a "
                + question.type().yamlName() + " question");
    }

    private static Verdict single(Question.Single q, Response.Choice r) {
        if (r.picks().size() != 1) throw new IllegalArgumentException("a single-choice answer picks one option");
        Question.Option picked = option(q.options(), r.picks().get(0));
        return picked.correct() ? Verdict.right(List.of()) : Verdict.wrong(picked.misconception());
    }

    private static Verdict multiple(Question.Multiple q, Response.Choice r) {
        Set<Integer> picks = new LinkedHashSet<>(r.picks());
        int rightOptions = 0;
        int rightPicks = 0;
        int wrongPicks = 0;
        Set<String> revealed = new LinkedHashSet<>();
        List<String> notes = new ArrayList<>();
        List<String> wrongTexts = new ArrayList<>();
        for (int i = 0; i < q.options().size(); i++) {
            Question.Option o = q.options().get(i);
            boolean picked = picks.contains(i);
            if (o.correct()) {
                rightOptions++;
                if (picked) rightPicks++;
                else notes.add("Missed: " + o.text());
            } else if (picked) {
                wrongPicks++;
                wrongTexts.add(o.text());
                if (o.misconception() != null) revealed.add(o.misconception());
            }
        }
        // each wrong pick takes back what one right pick gives, as far as the score goes
        String cost = String.format(Locale.ROOT, "%.2f", 1.0 / rightOptions);
        for (String text : wrongTexts) notes.add("Wrong pick (cost " + cost + "): " + text);
        picks.forEach(i -> option(q.options(), i));
        double score = Math.max(0, (rightPicks - wrongPicks) / (double) rightOptions);
        return new Verdict(score, notes, revealed);
    }

    private static Question.Option option(List<Question.Option> options, int index) {
        if (index < 0 || index >= options.size()) {
            throw new IllegalArgumentException("no option " + (index + 1) + " (there are " + options.size() + ")");
        }
        return options.get(index);
    }

    private static Verdict text(Question.Text q, String typed) {
        TypedAnswers.Result r = TypedAnswers.judge(typed, q.answers(), q.regex(), q.wrong());
        return new Verdict(r.right() ? 1 : 0, r.note() == null ? List.of() : List.of(r.note()),
                r.misconception() == null ? Set.of() : Set.of(r.misconception()));
    }

    /**
     * A typed number against the answer: converted into the question's unit when another unit of
     * its dimension was typed, wrong with a note when it is several numbers or another dimension.
     */
    private static Verdict numeric(Question.Numeric q, String typed) {
        Quantity.Parse parsed = Quantity.parse(typed, labels(q));
        if (parsed instanceof Quantity.Several) {
            return new Verdict(0, List.of("Give one number: '" + typed.strip() + "' has more than one."), Set.of());
        }
        if (!(parsed instanceof Quantity.One one)) {
            return new Verdict(0, List.of("'" + typed.strip() + "' is not a number."), Set.of());
        }
        Quantity.InUnit v = one.quantity().in(q.unit());
        List<String> notes = v.note() == null ? List.of() : List.of(v.note());
        boolean right = Math.abs(v.value() - q.answer()) <= q.tolerance() + 1e-9 * Math.max(1, Math.abs(q.answer()));
        return new Verdict(right ? 1 : 0, notes, Set.of());
    }

    /** The words that may label a typed number: those of the question's prompt and unit ("ring 3", "PID 1"). */
    static Set<String> labels(Question.Numeric q) {
        String text = (q.common().prompt() + " " + (q.unit() == null ? "" : q.unit())).toLowerCase(Locale.ROOT);
        return new HashSet<>(Arrays.asList(text.split("[^\\p{L}]+")));
    }

    private static Verdict order(Question.Order q, Response.Sequence r) {
        int n = q.items().size();
        if (r.order().size() != n || new HashSet<>(r.order()).size() != n
                || r.order().stream().anyMatch(i -> i < 0 || i >= n)) {
            throw new IllegalArgumentException("an order answer lists every item once");
        }
        int run = longestIncreasingSubsequence(r.order());
        List<String> notes = run == n ? List.of()
                : List.of(run + " of " + n + " items are in the right order relative to each other.");
        return new Verdict(run / (double) n, notes, Set.of());
    }

    /** Length of the longest strictly increasing subsequence of distinct values (patience sorting). */
    static int longestIncreasingSubsequence(List<Integer> values) {
        int[] tails = new int[values.size()];
        int length = 0;
        for (int v : values) {
            // where v goes: the first tail not below it (the values are distinct)
            int lo = Arrays.binarySearch(tails, 0, length, v);
            if (lo < 0) lo = -lo - 1;
            tails[lo] = v;
            if (lo == length) length++;
        }
        return length;
    }

    private static Verdict match(Question.Match q, Response.Pairs r) {
        int n = q.pairs().size();
        int right = 0;
        List<String> notes = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : r.pairs().entrySet()) {
            if (e.getKey() < 0 || e.getKey() >= n || e.getValue() < 0 || e.getValue() >= n) {
                throw new IllegalArgumentException("a match answer pairs items that exist");
            }
        }
        for (int i = 0; i < n; i++) {
            Integer paired = r.pairs().get(i);
            Question.Pair pair = q.pairs().get(i);
            if (paired != null && paired == i) {
                right++;
            } else {
                notes.add(pair.left() + " → " + pair.right()
                        + (paired == null ? " (not paired)" : " (not " + q.pairs().get(paired).right() + ")"));
            }
        }
        return new Verdict(right / (double) n, notes, Set.of());
    }

    private static Verdict cloze(Question.Cloze q, Response.Blanks r) {
        int n = q.blanks().size();
        if (r.blanks().size() != n) {
            throw new IllegalArgumentException("a cloze answer fills " + n + " blanks");
        }
        int right = 0;
        List<String> notes = new ArrayList<>();
        Set<String> revealed = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            Question.Blank blank = q.blanks().get(i);
            TypedAnswers.Result b = TypedAnswers.judge(r.blanks().get(i), blank.answers(), null, blank.wrong());
            if (b.right()) right++;
            else if (!blank.answers().isEmpty()) notes.add("Blank " + (i + 1) + ": '" + r.blanks().get(i).strip()
                    + "' should be '" + blank.answers().get(0) + "'.");
            if (b.note() != null) notes.add("Blank " + (i + 1) + ": " + b.note());
            if (b.misconception() != null) revealed.add(b.misconception());
        }
        return new Verdict(right / (double) n, notes, revealed);
    }

    private static Verdict flashcard(int rating) {
        return switch (rating) {
            case 1 -> new Verdict(0, List.of(), Set.of());
            case 2 -> new Verdict(0.5, List.of(), Set.of());
            default -> Verdict.right(List.of());
        };
    }
}
