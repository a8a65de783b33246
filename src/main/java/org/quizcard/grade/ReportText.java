package org.quizcard.grade;

import java.util.Locale;
import java.util.function.IntFunction;
import org.quizcard.bank.Solution;

/**
 * How the reports of a grade write numbers, and how they make any text safe in each format:
 * XML, Markdown and GitHub workflow commands.
 */
final class ReportText {
    private ReportText() {
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    static String score(double earned, double points) {
        return Solution.number(Math.round(earned * 100) / 100.0) + "/" + Solution.number(Math.round(points * 100) / 100.0);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** Text safe inside XML attributes and elements; control characters are dropped. */
    static String xml(String s) {
        return escape(s, c -> switch (c) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            case '\'' -> "&apos;";
            case '\n' -> "&#10;";
            default -> c >= 0x20 && !Character.isISOControl(c) && !(c >= 0xfffe && c <= 0xffff)
                    ? null : "";
        });
    }

    /** Text safe in a Markdown table or list: no HTML, no table breaks, no control characters. */
    static String md(String s) {
        return escape(s, c -> switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            // every character that can open emphasis, code, a link, an image, a heading or a
            // table cell: a value can never print a fake "passed" or a link
            case '\\', '`', '*', '_', '[', ']', '(', ')', '~', '|', '!', '#' -> "\\" + (char) c;
            default -> Character.getType(c) == Character.CONTROL ? " " : null;
        });
    }

    /** {@code s} with each code point that {@code replacement} maps to a string replaced by it. */
    static String escape(String s, IntFunction<String> replacement) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            String r = replacement.apply(c);
            b.append(r != null ? r : Character.toString(c));
        });
        return b.toString();
    }

    /** Escapes a workflow command's message. */
    static String data(String s) {
        return s.replaceAll("[\\p{Cc}&&[^\n\r]]", " ").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a workflow command's property value. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
