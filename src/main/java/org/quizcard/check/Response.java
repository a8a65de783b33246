package org.quizcard.check;

import java.util.List;
import java.util.Map;
import org.quizcard.bank.Solution;

/**
 * A learner's answer to one question, in the question's own terms: indices refer to the order
 * of options, items and pairs as the bank lists them, whatever order they were shown in.
 */
public sealed interface Response {
    /** Picked options of a {@code single} (exactly one) or {@code multiple} question. */
    record Choice(List<Integer> picks) implements Response {
        public Choice {
            picks = List.copyOf(picks);
        }
    }

    /** The answer to a {@code truefalse} statement. */
    record Bool(boolean value) implements Response { }

    /** A typed answer to a {@code text} question. */
    record Typed(String text) implements Response { }

    /**
     * The answer to a {@code numeric} question as typed: a number, perhaps with a unit after it
     * ({@link Quantity} reads it when it is checked).
     */
    record Number(String typed) implements Response {
        public Number(double value) {
            this(Solution.number(value));
        }
    }

    /** The items of an {@code order} question, by bank index, in the order the learner put them. */
    record Sequence(List<Integer> order) implements Response {
        public Sequence {
            order = List.copyOf(order);
        }
    }

    /** For a {@code match} question: each left index paired with a right index. */
    record Pairs(Map<Integer, Integer> pairs) implements Response {
        public Pairs {
            pairs = Map.copyOf(pairs);
        }
    }

    /** The text typed into each blank of a {@code cloze}, in order. */
    record Blanks(List<String> blanks) implements Response {
        public Blanks {
            blanks = List.copyOf(blanks);
        }
    }

    /** A learner's rating of their own recall of a {@code flashcard}: 1 Again … 4 Easy. */
    record SelfRating(int rating) implements Response {
        public SelfRating {
            if (rating < 1 || rating > 4) throw new IllegalArgumentException("rating must be 1 to 4");
        }
    }
}
