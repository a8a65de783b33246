package org.quizcard.bank;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The warnings of {@code quizcard lint}, each with a stable id that a question (or, for the
 * concept-wide ones, a concept file) can silence with a reason under {@code lint-allow}. Most are
 * the classic flaws of multiple-choice item writing (Haladyna, Downing and Rodriguez, 2002): cues
 * that let a learner find the key without knowing the subject. {@code docs/bank-format.md} shows
 * an example of each with its fix.
 */
public enum LintRule {
    NO_MISCONCEPTION("no-misconception", false),
    NO_EXPLANATION("no-explanation", false),
    ALL_OF_THE_ABOVE("all-of-the-above", false),
    NONE_OF_THE_ABOVE("none-of-the-above", false),
    COMBINED_OPTION("combined-option", false),
    LONG_KEY("long-key", false),
    KEY_OFTEN_LONGEST("key-often-longest", true),
    ABSOLUTE_WORDS("absolute-words", false),
    ABSOLUTE_WORDS_TRUEFALSE("absolute-words-truefalse", true),
    GRAMMAR_CUE("grammar-cue", false),
    STEM_WORD_IN_KEY("stem-word-in-key", false),
    NEGATIVE_STEM("negative-stem", false),
    TRUEFALSE_BALANCE("truefalse-balance", true),
    TYPO_NEAR_WRONG("typo-near-wrong", false),
    UNSEEN_TEXT("unseen-text", false);

    private final String id;
    /** Whether the rule looks at a whole concept, and is silenced in the concept file. */
    private final boolean conceptWide;

    LintRule(String id, boolean conceptWide) {
        this.id = id;
        this.conceptWide = conceptWide;
    }

    public String id() {
        return id;
    }

    /**
     * What is wrong with naming {@code id} under {@code lint-allow} of a question (or of a concept
     * when {@code concept}), or null when it names a rule that can be silenced there.
     */
    static String allowProblem(String id, boolean concept) {
        for (LintRule r : values()) {
            if (r.id.equals(id)) {
                if (r.conceptWide == concept) return null;
                return "'" + id + "' is silenced in the " + (r.conceptWide ? "concept, not in a question" : "question, not in the concept");
            }
        }
        return "unknown lint rule '" + id + "' (one of " + Arrays.stream(values()).filter(r -> r.conceptWide == concept)
                .map(LintRule::id).collect(Collectors.joining(", ")) + ")";
    }
}
