package org.quizcard.exchange.gift;

import java.util.ArrayList;
import java.util.List;

/**
 * The characters of one GIFT question with its escapes resolved: each character remembers
 * whether it was written escaped (so {@code \~} is a tilde of the text, never an answer's start)
 * and the offset in the file it came from, for messages that name a line and column. Every
 * search is a plain scan, linear in the question's length.
 */
final class GiftChars {
    private final StringBuilder chars = new StringBuilder();
    private boolean[] literal = new boolean[64];
    private int[] offsets = new int[64];

    /**
     * Appends one line of the file, starting at {@code offset}, resolving GIFT's escapes:
     * {@code \\ \~ \= \# \{ \} \:} stand for the character, {@code \n} for a line break; any
     * other backslash is itself.
     */
    void appendLine(String line, int offset) {
        if (!chars.isEmpty()) add('\n', false, offset - 1);
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            char next = i + 1 < line.length() ? line.charAt(i + 1) : 0;
            if (ch == '\\' && "\\~=#{}:n".indexOf(next) >= 0 && next != 0) {
                add(next == 'n' ? '\n' : next, true, offset + i);
                i++;
            } else {
                add(ch, false, offset + i);
            }
        }
    }

    private void add(char ch, boolean escaped, int offset) {
        int n = chars.length();
        if (n == offsets.length) {
            literal = java.util.Arrays.copyOf(literal, n * 2);
            offsets = java.util.Arrays.copyOf(offsets, n * 2);
        }
        chars.append(ch);
        literal[n] = escaped;
        offsets[n] = offset;
    }

    int length() {
        return chars.length();
    }

    char at(int i) {
        return chars.charAt(i);
    }

    /** Whether position {@code i} holds {@code ch} as GIFT syntax (not escaped). */
    boolean is(int i, char ch) {
        return i >= 0 && i < chars.length() && chars.charAt(i) == ch && !literal[i];
    }

    /** Whether {@code i} is white space that was written as such (an escaped {@code \n} is text). */
    boolean blank(int i) {
        return !literal[i] && Character.isWhitespace(chars.charAt(i));
    }

    /** The file offset of position {@code i} (the end of the text for {@code i == length()}). */
    int offset(int i) {
        if (chars.isEmpty()) return 0;
        return i < chars.length() ? offsets[i] : offsets[chars.length() - 1] + 1;
    }

    /** The first unescaped {@code ch} in {@code [from, to)}, or -1. */
    int find(char ch, int from, int to) {
        for (int i = from; i < to; i++) if (is(i, ch)) return i;
        return -1;
    }

    /** Whether the unescaped text {@code s} starts at {@code i}. */
    boolean startsWith(String s, int i) {
        if (i + s.length() > chars.length()) return false;
        for (int k = 0; k < s.length(); k++) if (!is(i + k, s.charAt(k))) return false;
        return true;
    }

    /** The last start of unescaped {@code s} in {@code [from, to)}, or -1. */
    int findLast(String s, int from, int to) {
        for (int i = to - s.length(); i >= from; i--) if (startsWith(s, i)) return i;
        return -1;
    }

    /** The first start of unescaped {@code s} in {@code [from, to)}, or -1. */
    int find(String s, int from, int to) {
        for (int i = from; i + s.length() <= to; i++) if (startsWith(s, i)) return i;
        return -1;
    }

    /** {@code from} moved past white space, up to {@code to}. */
    int skipBlank(int from, int to) {
        while (from < to && blank(from)) from++;
        return from;
    }

    /** The text of {@code [from, to)}, escapes resolved. */
    String text(int from, int to) {
        return chars.substring(from, to);
    }

    /** A range of the question: {@code [from, to)}. */
    record Range(int from, int to) {
        boolean isEmpty() {
            return from >= to;
        }
    }

    /** {@code range} without white space at either end. */
    Range trim(Range range) {
        int from = skipBlank(range.from(), range.to());
        int to = range.to();
        while (to > from && blank(to - 1)) to--;
        return new Range(from, to);
    }

    /**
     * {@code range} cut before each unescaped character of {@code marks}: the first part (what
     * stands before the first mark, maybe empty) and then one part per mark, each starting with it.
     */
    List<Range> split(Range range, String marks) {
        List<Range> parts = new ArrayList<>();
        int start = range.from();
        for (int i = range.from(); i < range.to(); i++) {
            if (marks.indexOf(chars.charAt(i)) >= 0 && !literal[i]) {
                parts.add(new Range(start, i));
                start = i;
            }
        }
        parts.add(new Range(start, range.to()));
        return parts;
    }
}
