package org.quizcard.exchange.anki;

import java.util.ArrayList;
import java.util.List;

/**
 * Anki's cloze deletions in a field's HTML: {@code {{c1::answer}}}, {@code {{c2::answer::hint}}}
 * and {@code {{c1,2::answer}}}, nested or not. Each outermost deletion becomes one blank, in the
 * order they appear, with its answer and hint; deletions inside it are part of its answer. The
 * text around them is kept with a marker where each blank was, to be turned into text with the
 * rest of the HTML. Read with plain code: one pass, no pattern.
 */
final class AnkiCloze {
    /** Marks blank {@code i} in the text: a private-use character around its number, which HTML leaves alone. */
    static final char OPEN = '\uE000';
    static final char CLOSE = '\uE001';

    /** One deletion: its answer and hint as HTML (the hint null when it has none). */
    record Deletion(String answer, String hint) { }

    /** The field with markers where the deletions were, the deletions, and whether any was nested in another. */
    record Parsed(String text, List<Deletion> deletions, boolean nested) { }

    private AnkiCloze() {
    }

    /** Whether {@code html} holds a cloze deletion. */
    static boolean has(String html) {
        for (int at = html.indexOf("{{c"); at >= 0; at = html.indexOf("{{c", at + 1)) {
            if (opening(html, at) > 0) return true;
        }
        return false;
    }

    static Parsed parse(String html) {
        StringBuilder outside = new StringBuilder(html.length());
        List<Deletion> deletions = new ArrayList<>();
        StringBuilder answer = new StringBuilder();
        StringBuilder hint = null;
        int depth = 0;
        boolean nested = false;
        int i = 0;
        while (i < html.length()) {
            int open = html.startsWith("{{c", i) ? opening(html, i) : -1;
            if (open > 0) {
                if (depth == 0) {
                    answer.setLength(0);
                    hint = null;
                } else {
                    nested = true;
                }
                depth++;
                i = open;
            } else if (depth > 0 && html.startsWith("}}", i)) {
                depth--;
                if (depth == 0) close(outside, deletions, answer, hint);
                i += 2;
            } else if (depth == 1 && hint == null && html.startsWith("::", i)) {
                hint = new StringBuilder();
                i += 2;
            } else {
                char ch = html.charAt(i++);
                if (depth == 0) outside.append(ch);
                else if (depth == 1 && hint != null) hint.append(ch);
                else if (hint == null) answer.append(ch);
            }
        }
        if (depth > 0) close(outside, deletions, answer, hint);
        return new Parsed(outside.toString(), deletions, nested);
    }

    private static void close(StringBuilder outside, List<Deletion> deletions, StringBuilder answer, StringBuilder hint) {
        outside.append(OPEN).append(deletions.size()).append(CLOSE);
        deletions.add(new Deletion(answer.toString(), hint == null ? null : hint.toString()));
    }

    /** Where the text after the opening {@code {{cN::} at {@code at} starts, or -1 when none opens there. */
    private static int opening(String s, int at) {
        int i = at + 3;
        int digits = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) && s.charAt(i) < 128 || s.charAt(i) == ',')) {
            if (s.charAt(i) != ',') digits++;
            i++;
        }
        return digits > 0 && s.startsWith("::", i) ? i + 2 : -1;
    }
}
