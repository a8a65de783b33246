package org.quizcard.bank;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * The {@code regex} of a text question, run by RE2/J: matching takes time linear in the answer's
 * length whatever the pattern, so no pattern in a bank, however written, can stall a study
 * session or a CI grading run. RE2/J has no backreferences and no lookaround, the two features
 * that need backtracking; lint reports a pattern that uses them as an error.
 */
public final class AnswerPattern {
    /** Longest pattern a bank may give; far more than any set of answer variants needs. */
    public static final int MAX_LENGTH = 1_000;

    private AnswerPattern() {
    }

    /** Whether the whole of {@code normalisedAnswer} matches {@code regex}, ignoring case. */
    public static boolean matches(String regex, String normalisedAnswer) {
        return compile(regex).matches(normalisedAnswer);
    }

    /** What is wrong with {@code regex}, or null when it can be used. */
    public static String problem(String regex) {
        if (regex.length() > MAX_LENGTH) return "a regex is at most " + MAX_LENGTH + " characters";
        try {
            compile(regex);
            return null;
        } catch (PatternSyntaxException e) {
            return "invalid regex (" + e.getDescription() + "; lookaround and backreferences are not supported)";
        }
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }
}
