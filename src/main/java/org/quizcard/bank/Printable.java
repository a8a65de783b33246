package org.quizcard.bank;

/**
 * Text from files and people quizcard does not control, made safe to show: every control
 * character (C0, DEL, C1) and every bidirectional override or isolate becomes U+FFFD, so no
 * text can set a window title, clear the screen, write the clipboard or reorder what is shown.
 * The one rule that bank text ({@link Fields}), messages ({@link Problem}) and both UIs use.
 */
public final class Printable {
    private Printable() {
    }

    /** Text that may span lines: line feeds and tabs are kept, every other control replaced. */
    public static String text(String s) {
        return replace(s, true);
    }

    /** One line, as in a message: line feeds and tabs are replaced too. */
    public static String line(String s) {
        return replace(s, false);
    }

    private static String replace(String s, boolean keepLines) {
        for (int i = 0; i < s.length(); i++) {
            if (unsafe(s.charAt(i), keepLines)) {
                StringBuilder b = new StringBuilder(s.length());
                s.chars().forEach(c -> b.append(unsafe((char) c, keepLines) ? '\uFFFD' : (char) c));
                return b.toString();
            }
        }
        return s;
    }

    private static boolean unsafe(char c, boolean keepLines) {
        return c < 0x20 && !(keepLines && (c == '\n' || c == '\t')) || c >= 0x7f && c <= 0x9f
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
    }
}
