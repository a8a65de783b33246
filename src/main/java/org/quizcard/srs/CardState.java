package org.quizcard.srs;

import java.util.Locale;

/**
 * The scheduling phase of a card: never studied, in (re)learning steps, or in long-term review.
 */
public enum CardState {
    /** Never reviewed. */
    NEW,
    /** Going through the learning steps after the first review. */
    LEARNING,
    /** Graduated: scheduled in whole days by the FSRS memory model. */
    REVIEW,
    /** Forgotten in review and going through the relearning steps. */
    RELEARNING;

    private final String csvName = name().toLowerCase(Locale.ROOT);

    /** The lowercase name used in CSV files, e.g. {@code "relearning"}. */
    public String csvName() {
        return csvName;
    }

    /**
     * Parses a state name case-insensitively, e.g. {@code "review"} or {@code "REVIEW"}.
     *
     * @throws IllegalArgumentException if the name is not a card state
     */
    public static CardState fromCsvName(String name) {
        for (CardState state : values()) {
            if (state.csvName.equalsIgnoreCase(name)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown card state: " + name);
    }
}
