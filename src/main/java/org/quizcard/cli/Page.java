package org.quizcard.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.quizcard.term.Text;

/**
 * Command output laid out to a width: lines wrapped at word boundaries, each continuation line
 * indented under the text it continues (a hanging indent). At width 0 every line is printed as it
 * is, so output to a pipe or a file keeps its exact text.
 */
record Page(PrintWriter out, int width) {
    /** The fewest columns a hanging indent must leave its text; with fewer, continuations start {@link #STEP} in. */
    static final int MIN_TEXT = 20;
    /** How far in a continuation starts, past the line's margin, when its lead is too long to hang under. */
    static final int STEP = 4;
    /** The narrowest width laid out to: a narrower terminal gets lines this long. */
    static final int MIN_WIDTH = 20;

    /** A page {@code width} columns wide, at least {@link #MIN_WIDTH}; 0 or less: not laid out. */
    Page {
        width = width <= 0 ? 0 : Math.max(MIN_WIDTH, width);
    }

    /** The page of a command's stdout, as wide as its terminal, or not laid out when it is no terminal. */
    static Page of(Context context) {
        return new Page(context.out(), context.width());
    }

    /** Whether a line of {@code columns} fits: always, when lines are not laid out. */
    boolean fits(int columns) {
        return width == 0 || columns <= width;
    }

    void println() {
        out.println();
    }

    /** A line whose paragraphs each continue under their own leading spaces. */
    void println(String line) {
        if (width == 0) {
            out.println(line);
            return;
        }
        for (String paragraph : line.split("\n", -1)) {
            int margin = margin(paragraph);
            println(paragraph.substring(0, margin), paragraph.substring(margin));
        }
    }

    /**
     * {@code lead} and then {@code text}, wrapped to the width: continuation lines start under the
     * text's first column, or {@link #STEP} columns past the lead's leading spaces when hanging
     * under the text would leave it fewer than {@link #MIN_TEXT} columns. A word longer than a
     * line is cut.
     */
    void println(String lead, String text) {
        if (width == 0) {
            out.println(lead + text);
        } else {
            wrapped(lead + text, indent(lead, width), width).forEach(out::println);
        }
    }

    /** {@code items} joined by {@code separator}, as many on a line as fit (see {@link #items(String, String, List)}). */
    void items(String separator, List<String> items) {
        items("", separator, items);
    }

    /**
     * {@code lead} and then {@code items} joined by {@code separator}, as many on a line as fit:
     * an item is split only when it is longer than a line by itself, a line ends with the
     * separator's mark (the "," of ", "), and continuation lines hang as in
     * {@link #println(String, String)}.
     */
    void items(String lead, String separator, List<String> items) {
        if (width == 0) {
            out.println(lead + String.join(separator, items));
            return;
        }
        int indent = indent(lead, width);
        String mark = separator.stripTrailing();
        StringBuilder line = new StringBuilder(lead);
        boolean fresh = true;
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            int end = line.length() + separator.length() + item.length() + (i == items.size() - 1 ? 0 : mark.length());
            if (!fresh && end > width) {
                wrapped(line + mark, indent, width).forEach(out::println);
                line = new StringBuilder(" ".repeat(indent));
                fresh = true;
            }
            if (!fresh) line.append(separator);
            line.append(item);
            fresh = false;
        }
        wrapped(line.toString(), indent, width).forEach(out::println);
    }

    /** Where the continuation lines of a line that starts with {@code lead} start. */
    private static int indent(String lead, int width) {
        return lead.length() + MIN_TEXT <= width ? lead.length() : Math.min(margin(lead) + STEP, width / 2);
    }

    /** {@code line} wrapped to {@code width} after its leading spaces, continuation lines {@code indent} in. */
    private static List<String> wrapped(String line, int indent, int width) {
        int margin = Math.min(margin(line), width / 2);
        List<String> wrapped = Text.wrap(line.substring(margin), width - margin, width - indent);
        List<String> lines = new ArrayList<>(wrapped.size());
        for (int i = 0; i < wrapped.size(); i++) {
            lines.add((" ".repeat(i == 0 ? margin : indent) + wrapped.get(i)).stripTrailing());
        }
        return lines;
    }

    /** How many spaces a line starts with. */
    private static int margin(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') n++;
        return n;
    }
}
