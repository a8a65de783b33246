package org.quizcard.term;

import org.jline.utils.AttributedStyle;

/**
 * The few styles quizcard uses, in one place. Without colour (NO_COLOR, --no-color) the same
 * text keeps its emphasis (bold, italic) and loses only its colours.
 */
public final class Style {
    final AttributedStyle plain = AttributedStyle.DEFAULT;
    final AttributedStyle bold;
    final AttributedStyle faint;
    final AttributedStyle heading;
    final AttributedStyle right;
    final AttributedStyle wrong;
    final AttributedStyle partial;
    final AttributedStyle key;
    final AttributedStyle claim;
    final AttributedStyle selected;
    /** Inline code in bank text (`like this`), shown without its backticks. */
    final AttributedStyle code;

    private Style(boolean colour) {
        bold = AttributedStyle.BOLD;
        faint = colour ? AttributedStyle.DEFAULT.faint() : AttributedStyle.DEFAULT;
        heading = colour ? AttributedStyle.BOLD.foreground(AttributedStyle.CYAN) : AttributedStyle.BOLD;
        right = colour ? AttributedStyle.BOLD.foreground(AttributedStyle.GREEN) : AttributedStyle.BOLD;
        wrong = colour ? AttributedStyle.BOLD.foreground(AttributedStyle.RED) : AttributedStyle.BOLD;
        partial = colour ? AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW) : AttributedStyle.BOLD;
        key = colour ? AttributedStyle.BOLD.foreground(AttributedStyle.BLUE) : AttributedStyle.BOLD;
        claim = colour ? AttributedStyle.DEFAULT.italic().foreground(AttributedStyle.MAGENTA)
                : AttributedStyle.DEFAULT.italic();
        selected = AttributedStyle.DEFAULT.inverse();
        code = colour ? AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN) : AttributedStyle.BOLD;
    }

    /** Styles with colours. */
    public static Style colour() {
        return new Style(true);
    }

    /** Emphasis only, no colours. */
    public static Style monochrome() {
        return new Style(false);
    }
}
