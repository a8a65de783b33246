package org.quizcard;

/**
 * A count with its noun in agreement ("1 review", "2 reviews", "0 reviews"), so that no message
 * says "1 questions". For nouns whose plural adds an "s", which are all quizcard prints.
 */
public final class Plural {
    private Plural() {
    }

    /** The count and its noun: {@code of(1, "day")} is "1 day", {@code of(3, "day")} "3 days". */
    public static String of(long count, String noun) {
        return count + " " + noun(count, noun);
    }

    /** The noun alone, in agreement with {@code count} (which may be a fraction: "0.5 points", "1 point"). */
    public static String noun(double count, String noun) {
        return count == 1 ? noun : noun + "s";
    }
}
