package org.quizcard.check;

import java.util.List;
import java.util.Set;

/**
 * What checking a response found: a score from 0 to 1, notes on what was right or wrong, and
 * the misconceptions the response revealed.
 */
public record Verdict(double score, List<String> notes, Set<String> misconceptions) {
    /** Right, partly right or wrong. */
    public enum Outcome { RIGHT, PARTIAL, WRONG }

    public Verdict {
        if (!(score >= 0 && score <= 1)) throw new IllegalArgumentException("score must be in [0, 1]: " + score);
        notes = List.copyOf(notes);
        misconceptions = Set.copyOf(misconceptions);
    }

    public Outcome outcome() {
        if (score >= 1) return Outcome.RIGHT;
        return score <= 0 ? Outcome.WRONG : Outcome.PARTIAL;
    }

    static Verdict right(List<String> notes) {
        return new Verdict(1, notes, Set.of());
    }

    /** Wrong, revealing {@code misconception} when it is not null. */
    static Verdict wrong(String misconception) {
        return new Verdict(0, List.of(), misconception == null ? Set.of() : Set.of(misconception));
    }
}
