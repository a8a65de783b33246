package org.quizcard.bank;

import java.text.Normalizer;
import java.util.Locale;

/** How typed answers are compared: Unicode NFC, case folded, spacing collapsed, edges trimmed. */
public final class Answers {
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private Answers() {
    }

    /** The canonical form of a typed answer. */
    public static String normalise(String answer) {
        String ascii = normaliseAscii(answer);
        if (ascii != null) return ascii;
        String nfc = Normalizer.normalize(answer, Normalizer.Form.NFC);
        return SPACES.matcher(nfc.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /**
     * {@link #normalise} in one pass for the commonest text, ASCII only, which NFC leaves as it is;
     * null for any other text. Linting a large bank normalises every option and answer, and the
     * general path (normaliser, regex, lower-casing) costs several times more. The edges are
     * trimmed as {@link String#strip()} does and runs of what {@code \s} matches (space, tab, line
     * feed, vertical tab, form feed, carriage return) become one space. Text already in that form
     * (the commonest) is returned as it is.
     */
    private static String normaliseAscii(String s) {
        int end = s.length();
        boolean canonical = end == 0 || s.charAt(0) != ' ' && s.charAt(end - 1) != ' ';
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) return null;
            if (c < ' ' || c >= 'A' && c <= 'Z' || c == ' ' && i > 0 && s.charAt(i - 1) == ' ') canonical = false;
        }
        return canonical ? s : rewriteAscii(s);
    }

    /** The canonical form of ASCII text that is not in it yet. */
    private static String rewriteAscii(String s) {
        int end = s.length();
        int start = 0;
        while (start < end && Character.isWhitespace(s.charAt(start))) start++;
        while (end > start && Character.isWhitespace(s.charAt(end - 1))) end--;
        StringBuilder b = new StringBuilder(end - start);
        boolean inSpaces = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (isRegexSpace(c)) {
                if (!inSpaces) b.append(' ');
                inSpaces = true;
            } else {
                b.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
                inSpaces = false;
            }
        }
        return b.toString();
    }

    /** What the regex {@code \s} matches, without Unicode character classes. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
