package org.quizcard.term;

import java.util.ArrayList;
import java.util.List;
import org.quizcard.bank.Printable;

/** Plain-text helpers for what the learner sees: wrapping and neutralising control characters. */
public final class Text {
    private Text() {
    }

    /**
     * Replaces control characters (escape sequences included) with visible stand-ins, so text
     * from banks or typed by a learner can never drive the terminal.
     */
    public static String safe(String s) {
        return s == null ? "" : Printable.text(s).replace('\t', ' ');
    }

    /** Wraps text at word boundaries to {@code width} columns; existing newlines are kept. */
    public static List<String> wrap(String text, int width) {
        return wrap(text, width, width);
    }

    /**
     * Wraps text at word boundaries, the first line to {@code firstWidth} columns and the others
     * to {@code width} (0: no wrapping); a word longer than a line is cut where the line ends.
     */
    public static List<String> wrap(String text, int firstWidth, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            int room = lines.isEmpty() ? firstWidth : width;
            if (width <= 0 || paragraph.length() <= room) {
                lines.add(paragraph);
                continue;
            }
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > room) {
                    lines.add(line.toString());
                    line.setLength(0);
                    room = width;
                }
                while (line.length() == 0 && word.length() > room) {
                    lines.add(word.substring(0, room));
                    word = word.substring(room);
                    room = width;
                }
                if (line.length() > 0) line.append(' ');
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The first sentence of a text, for one-line summaries. */
    public static String firstSentence(String text) {
        String t = text.strip();
        for (int i = 0; i < t.length() - 1; i++) {
            char c = t.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(t.charAt(i + 1))) {
                return t.substring(0, i + 1);
            }
        }
        return t;
    }
}
