package org.quizcard.grade;

import java.util.Locale;
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
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\n' -> b.append("&#10;");
                default -> {
                    if (c >= 0x20 && !Character.isISOControl(c) && !(c >= 0xfffe && c <= 0xffff)) b.appendCodePoint(c);
                }
            }
        });
        return b.toString();
    }

    /** Text safe in a Markdown table or list: no HTML, no table breaks, no control characters. */
    static String md(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                // every character that can open emphasis, code, a link, an image, a heading or a
                // table cell: a value can never print a fake "passed" or a link
                case '\\', '`', '*', '_', '[', ']', '(', ')', '~', '|', '!', '#' -> b.append('\\').append(c);
                default -> b.append(Character.getType(c) == Character.CONTROL ? ' ' : c);
            }
        }
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
