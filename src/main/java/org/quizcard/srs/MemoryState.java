package org.quizcard.srs;

/**
 * The two FSRS memory variables of a card: stability (days until recall probability falls to 90%)
 * and difficulty (1 = easiest, 10 = hardest).
 */
public record MemoryState(double stability, double difficulty) {

    /** Checks that both values are finite and stability is positive. */
    public MemoryState {
        if (!(stability > 0) || !Double.isFinite(stability)) {
            throw new IllegalArgumentException("stability must be finite and > 0, got " + stability);
        }
        if (!Double.isFinite(difficulty)) {
            throw new IllegalArgumentException("difficulty must be finite, got " + difficulty);
        }
    }
}
