package org.quizcard.check;

/** Edit distance for forgiving typos in typed answers. */
public final class Typos {
    /** Answers shorter than this must be spelled exactly. */
    public static final int MIN_LENGTH = 5;

    private Typos() {
    }

    /**
     * The optimal-string-alignment Damerau–Levenshtein distance: insertions, deletions,
     * substitutions and transpositions of adjacent characters each cost one.
     */
    public static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) d[i][0] = i;
        for (int j = 0; j <= m; j++) d[0][j] = j;
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[n][m];
    }

    /** Whether {@code typed} is one typo away from {@code expected}, both long enough to allow it. */
    public static boolean oneTypoAway(String typed, String expected) {
        return typed.length() >= MIN_LENGTH && expected.length() >= MIN_LENGTH
                && Math.abs(typed.length() - expected.length()) <= 1 && distance(typed, expected) == 1;
    }
}
