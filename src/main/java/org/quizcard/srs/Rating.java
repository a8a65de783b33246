package org.quizcard.srs;

/**
 * A learner's answer to a review, graded on the four-button FSRS scale (Again=1 ... Easy=4).
 */
public enum Rating {
    /** Forgot the answer. */
    AGAIN(1),
    /** Recalled with serious difficulty. */
    HARD(2),
    /** Recalled after some hesitation. */
    GOOD(3),
    /** Recalled effortlessly. */
    EASY(4);

    private static final Rating[] BY_VALUE = {null, AGAIN, HARD, GOOD, EASY};

    private final int value;

    Rating(int value) {
        this.value = value;
    }

    /** The FSRS grade number, 1 (Again) to 4 (Easy). */
    public int value() {
        return value;
    }

    /**
     * The rating with the given FSRS grade number.
     *
     * @throws IllegalArgumentException if {@code value} is not in 1..4
     */
    public static Rating of(int value) {
        if (value < 1 || value > 4) {
            throw new IllegalArgumentException("rating must be 1 (Again) to 4 (Easy), got " + value);
        }
        return BY_VALUE[value];
    }
}
