package org.quizcard.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import org.quizcard.bank.Question;

/**
 * The order in which a question's parts are shown: for choice questions the options, for
 * {@code order} the items, for {@code match} the right column. {@code order.get(shown)} is the
 * bank index of the part shown at position {@code shown}.
 */
public record Presentation(List<Integer> order) {
    public Presentation {
        order = List.copyOf(order);
    }

    /** The parts in bank order: for questions with nothing to shuffle, or for authors. */
    public static Presentation identity(Question q) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < parts(q); i++) order.add(i);
        return new Presentation(order);
    }

    /**
     * A shuffled presentation drawn from {@code random}. Items of an {@code order} question are
     * never shown already in the right order when there are at least two.
     */
    public static Presentation shuffled(Question q, RandomGenerator random) {
        List<Integer> order = new ArrayList<>(identity(q).order());
        if (q instanceof Question.TrueFalse) return new Presentation(order);
        do {
            shuffle(order, random);
        } while (q instanceof Question.Order && order.size() > 1 && isSorted(order));
        return new Presentation(order);
    }

    /**
     * The order parts are shown in for graded work: choice options in bank order; {@code order}
     * items and the right column of {@code match} sorted by their text. It depends only on what
     * a sealed bank also shows, so sealed and plain banks give every student the same variant.
     */
    public static Presentation canonical(Question q) {
        List<Integer> order = new ArrayList<>(identity(q).order());
        if (q instanceof Question.Order o) {
            order.sort(java.util.Comparator.comparing((Integer i) -> o.items().get(i)).thenComparing(i -> i));
        } else if (q instanceof Question.Match m) {
            order.sort(java.util.Comparator.comparing((Integer i) -> m.pairs().get(i).right()).thenComparing(i -> i));
        }
        return new Presentation(order);
    }

    /** {@code base} shuffled by {@code random}: a student's own order, reproducible from the seed. */
    public static Presentation shuffle(Presentation base, Question q, RandomGenerator random) {
        List<Integer> order = new ArrayList<>(base.order());
        if (!(q instanceof Question.TrueFalse)) shuffle(order, random);
        return new Presentation(order);
    }

    /** The bank index of the part shown at {@code shown} (0-based). */
    public int index(int shown) {
        return order.get(shown);
    }

    /** Where the part with bank index {@code index} is shown (0-based). */
    public int shownAt(int index) {
        return order.indexOf(index);
    }

    public int size() {
        return order.size();
    }

    private static int parts(Question q) {
        if (q instanceof Question.Choice c) return c.options().size();
        if (q instanceof Question.TrueFalse) return 2;
        if (q instanceof Question.Order o) return o.items().size();
        if (q instanceof Question.Match m) return m.pairs().size();
        return 0;
    }

    /** Fisher–Yates with the given generator, so the same seed gives the same order everywhere. */
    private static void shuffle(List<Integer> list, RandomGenerator random) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }

    private static boolean isSorted(List<Integer> list) {
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i - 1) > list.get(i)) return false;
        }
        return true;
    }
}
