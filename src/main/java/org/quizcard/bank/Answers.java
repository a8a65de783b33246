package org.quizcard.bank;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How typed answers are compared, for lint and for checking alike. Differences that never change
 * what an answer means are normalised away: Unicode composition (NFC), case, runs of spacing,
 * punctuation and quotes at the edges, a leading article, and a hyphen between two words
 * ("copy-on-write" is "copy on write"). Singular and plural of a word count as the same word
 * ({@link #sameWords}). Everything else, such as a dot or slash inside a path, is kept.
 */
public final class Answers {
    private Answers() {
    }

    /** The canonical form of a typed answer. */
    public static String normalise(String answer) {
        String s = isAscii(answer) ? answer : Normalizer.normalize(answer, Normalizer.Form.NFC);
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c) || c == '-' && i > 0 && i + 1 < s.length()
                    && Character.isLetterOrDigit(s.charAt(i - 1)) && Character.isLetterOrDigit(s.charAt(i + 1))) {
                space = b.length() > 0;
                continue;
            }
            if (space) b.append(' ');
            space = false;
            b.append(c);
        }
        int start = 0;
        int end = b.length();
        while (start < end && isEdgeMark(b.charAt(start), true)) start++;
        while (end > start && isEdgeMark(b.charAt(end - 1), false)) end--;
        String trimmed = b.substring(start, end).toLowerCase(Locale.ROOT);
        for (String article : ARTICLES) {
            if (trimmed.length() > article.length() && trimmed.startsWith(article)) {
                return trimmed.substring(article.length());
            }
        }
        return trimmed;
    }

    /** Spacing: what {@link Character#isWhitespace} or {@link Character#isSpaceChar} says, no-break spaces included. */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static final String[] ARTICLES = {"a ", "an ", "the "};

    /**
     * Marks that frame an answer without being part of it: quotes and backticks on either edge,
     * and sentence punctuation at the end. A leading dot or slash belongs to a name or a path.
     */
    private static boolean isEdgeMark(char c, boolean leading) {
        return switch (c) {
            case '"', '\'', '`', '\u2018', '\u2019', '\u201C', '\u201D', ' ' -> true;
            case '.', ',', ';', ':', '!', '?' -> !leading;
            default -> false;
        };
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return false;
        }
        return true;
    }

    /**
     * Whether two normalised answers say the same words, a word's singular and plural ("process",
     * "processes") counting as the same.
     */
    public static boolean sameWords(String a, String b) {
        if (a.equals(b)) return true;
        String[] x = a.split(" ");
        String[] y = b.split(" ");
        if (x.length != y.length) return false;
        for (int i = 0; i < x.length; i++) {
            if (!sameWord(x[i], y[i])) return false;
        }
        return true;
    }

    /** Equal, or one is the other with a plural ending ("s", "es") on a word of three letters or more. */
    static boolean sameWord(String a, String b) {
        if (a.equals(b)) return true;
        String shorter = a.length() < b.length() ? a : b;
        String longer = shorter == a ? b : a;
        if (shorter.length() < 3 || !Character.isLetter(shorter.charAt(shorter.length() - 1))
                || !longer.startsWith(shorter)) {
            return false;
        }
        String ending = longer.substring(shorter.length());
        return ending.equals("s") || ending.equals("es");
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

    /** Whether the distance between two strings is at most one. */
    public static boolean withinOneEdit(String a, String b) {
        return Math.abs(a.length() - b.length()) <= 1 && distance(a, b) <= 1;
    }
}
