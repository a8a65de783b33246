package org.quizcard.bank;

import java.util.List;

/**
 * A wrong belief a learner may hold, written as a refutation: the claim in the learner's words,
 * why it seems right, and the correction that replaces it.
 */
public record Misconception(String id, String claim, String seemsRight, String correction,
                            List<String> concepts, List<String> sources, Position where) {
    public Misconception {
        concepts = List.copyOf(concepts);
        sources = List.copyOf(sources);
    }

    /** The correction on one line, as reports and exports quote it. */
    public String correctionLine() {
        return correction.strip().replaceAll("\\s+", " ");
    }
}
