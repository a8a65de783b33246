package org.quizcard.study;

import java.util.ArrayDeque;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Question;
import org.quizcard.srs.Card;
import org.quizcard.srs.CardState;
import org.quizcard.srs.Fsrs;

/**
 * Draws the questions of a quiz: filtered by concept and tag, shuffled, concepts interleaved; or
 * the weakest of those reviewed.
 */
public final class Draw {
    private Draw() {
    }

    /** The questions of {@code bank} in the given concepts (all when empty) carrying any of {@code tags}. */
    public static List<Question> pool(Bank bank, Set<String> concepts, Set<String> tags) {
        for (String c : concepts) {
            if (bank.concept(c).isEmpty()) {
                throw QuizcardException.badInput("unknown concept '" + c + "' (known: "
                        + String.join(", ", bank.concepts().stream().map(Concept::id).toList()) + ")");
            }
        }
        List<Question> pool = bank.questions()
                .filter(q -> concepts.isEmpty() || concepts.contains(q.concept()))
                .filter(q -> tags.isEmpty() || q.common().tags().stream().anyMatch(tags::contains))
                .toList();
        if (pool.isEmpty()) {
            throw QuizcardException.badInput("no questions match" + (tags.isEmpty() ? "" : " the tags " + tags));
        }
        return pool;
    }

    /** Up to {@code count} questions of the pool in a shuffled order that alternates concepts. */
    public static List<Question> quiz(List<Question> pool, int count, RandomGenerator random) {
        List<Question> shuffled = new ArrayList<>(pool);
        for (int i = shuffled.size() - 1; i > 0; i--) Collections.swap(shuffled, i, random.nextInt(i + 1));
        return interleave(shuffled).subList(0, Math.min(count, shuffled.size()));
    }

    /**
     * The {@code count} questions of the pool most likely forgotten at {@code now}: those with the
     * lowest FSRS retrievability, the weakest first (ties in bank order). Questions never reviewed
     * (no card, or a new one) are left out, as Anki's filtered decks by retrievability leave out
     * new cards: they have no memory yet to be weak, and study introduces them. So fewer than
     * {@code count} come back when fewer were reviewed, and none when none was.
     */
    public static List<Question> weakest(List<Question> pool, Map<String, Card> cards, Fsrs fsrs, Instant now, int count) {
        record Weak(Question question, double retrievability) { }
        List<Weak> reviewed = new ArrayList<>();
        for (Question q : pool) {
            Card card = cards.get(q.ref());
            if (card != null && card.state() != CardState.NEW) reviewed.add(new Weak(q, fsrs.retrievability(card, now)));
        }
        // a stable sort: equal retrievability keeps bank order
        reviewed.sort(Comparator.comparingDouble(Weak::retrievability));
        return reviewed.stream().limit(count).map(Weak::question).toList();
    }

    /** Round-robin over concepts, keeping each concept's own order, so one concept never runs long. */
    public static List<Question> interleave(List<Question> questions) {
        Map<String, Deque<Question>> byConcept = new LinkedHashMap<>();
        for (Question q : questions) byConcept.computeIfAbsent(q.concept(), c -> new ArrayDeque<>()).add(q);
        List<Question> out = new ArrayList<>(questions.size());
        while (out.size() < questions.size()) {
            for (Deque<Question> d : byConcept.values()) {
                if (!d.isEmpty()) out.add(d.poll());
            }
        }
        return out;
    }
}
