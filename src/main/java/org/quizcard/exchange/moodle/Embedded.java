package org.quizcard.exchange.moodle;

import org.quizcard.exchange.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * Moodle's embedded answers, the blanks of a cloze ({@code multianswer}) question:
 * {@code {1:SHORTANSWER:=use~%0%see#feedback}} is a blank worth 1 mark, of type short answer,
 * whose answers are separated by {@code ~}, each with a fraction ({@code =} for 100 %,
 * {@code %50%} for 50 %, nothing for 0 %) and an optional {@code #feedback}.
 *
 * <p>Moodle takes the text between the braces as HTML: it decodes character references, and
 * only then turns {@code \}} into {@code }} and {@code \#} into {@code #} (a {@code #} right after
 * {@code &} starts a character reference, not feedback). Writing follows exactly that, so that
 * Moodle reads each answer as quizcard has it: {@code ~} and {@code \} go out as the references
 * {@code &#126;} and {@code &#92;}, {@code }} and {@code #} as {@code \}} and {@code \#}, and a
 * short answer's {@code *} as {@code \*} (a bare {@code *} is Moodle's wildcard). Feedback is HTML
 * once decoded, so its own {@code &}, {@code <} and {@code >} are escaped twice. Everything here is
 * read by scanning once, never by a pattern that could backtrack.
 */
final class Embedded {
    /** The types an embedded answer may have, by every name Moodle takes for them. */
    enum Kind { SHORTANSWER, SHORTANSWER_C, NUMERICAL, MULTICHOICE, MULTIRESPONSE }

    private static final Set<String> SHORT = Set.of("SHORTANSWER", "SA", "MW");
    private static final Set<String> SHORT_C = Set.of("SHORTANSWER_C", "SAC", "MWC");
    private static final Set<String> NUMERICAL = Set.of("NUMERICAL", "NM");
    private static final Set<String> CHOICE = Set.of("MULTICHOICE", "MC", "MULTICHOICE_V", "MCV", "MULTICHOICE_H",
            "MCH", "MULTICHOICE_S", "MCS", "MULTICHOICE_VS", "MCVS", "MULTICHOICE_HS", "MCHS");
    private static final Set<String> RESPONSE = Set.of("MULTIRESPONSE", "MR", "MULTIRESPONSE_H", "MRH",
            "MULTIRESPONSE_S", "MRS", "MULTIRESPONSE_HS", "MRHS");

    private Embedded() {
    }

    /** One answer of a blank: its fraction in percent, its text as Moodle reads it, its feedback (HTML) or null. */
    record Alternative(double fraction, String answer, String feedback) { }

    /** One blank: where it stands in the text, its type, and its answers. */
    record Blank(int start, int end, Kind kind, List<Alternative> alternatives) { }

    /** The blanks of a question text, in order. */
    static List<Blank> find(String text) {
        List<Blank> blanks = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = text.indexOf('{', from);
            if (open < 0) return blanks;
            int colon = open + 1;
            while (colon < text.length() && text.charAt(colon) >= '0' && text.charAt(colon) <= '9') colon++;
            int typeEnd = colon < text.length() && text.charAt(colon) == ':' ? text.indexOf(':', colon + 1) : -1;
            Kind kind = typeEnd < 0 ? null : kind(text.substring(colon + 1, typeEnd));
            if (kind == null) {
                from = open + 1;
                continue;
            }
            int close = closing(text, typeEnd + 1);
            if (close < 0) return blanks; // no later blank can close either
            List<Alternative> alternatives = alternatives(text.substring(typeEnd + 1, close));
            if (alternatives.isEmpty()) {
                from = open + 1;
                continue;
            }
            blanks.add(new Blank(open, close + 1, kind, alternatives));
            from = close + 1;
        }
    }

    private static Kind kind(String name) {
        if (name.length() > 20) return null;
        String n = name.toUpperCase(Locale.ROOT);
        if (SHORT.contains(n)) return Kind.SHORTANSWER;
        if (SHORT_C.contains(n)) return Kind.SHORTANSWER_C;
        if (NUMERICAL.contains(n)) return Kind.NUMERICAL;
        if (CHOICE.contains(n)) return Kind.MULTICHOICE;
        if (RESPONSE.contains(n)) return Kind.MULTIRESPONSE;
        return null;
    }

    /** The index of the first {@code }} not escaped by a backslash, from {@code at}; -1 when none. */
    private static int closing(String text, int at) {
        for (int i = at; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '}' && text.charAt(i - 1) != '\\') return i;
        }
        return -1;
    }

    private static List<Alternative> alternatives(String body) {
        List<Alternative> found = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= body.length(); i++) {
            if (i == body.length() || body.charAt(i) == '~' && (i == 0 || body.charAt(i - 1) != '\\')) {
                Alternative a = alternative(body.substring(start, i));
                if (a != null) found.add(a);
                start = i + 1;
            }
        }
        return found;
    }

    private static Alternative alternative(String alt) {
        double fraction = 0;
        int at = 0;
        if (alt.startsWith("=")) {
            fraction = 100;
            at = 1;
        } else if (alt.startsWith("%")) {
            int end = alt.indexOf('%', 1);
            if (end > 1) {
                try {
                    fraction = Double.parseDouble(alt.substring(1, end).replace(',', '.'));
                    at = end + 1;
                } catch (NumberFormatException e) {
                    fraction = 0;
                }
            }
        }
        int hash = -1;
        for (int i = at; i < alt.length(); i++) {
            char before = i == 0 ? ' ' : alt.charAt(i - 1);
            if (alt.charAt(i) == '#' && i > at && before != '\\' && before != '&') {
                hash = i;
                break;
            }
        }
        String answer = unescape(hash < 0 ? alt.substring(at) : alt.substring(at, hash));
        if (answer.isBlank()) return null;
        String feedback = hash < 0 ? null : unescape(alt.substring(hash + 1));
        return new Alternative(fraction, answer, feedback == null || feedback.isBlank() ? null : feedback);
    }

    /** What Moodle makes of an answer's or a feedback's text: references decoded, then {@code \}} and {@code \#} unescaped. */
    private static String unescape(String s) {
        return Parser.unescapeEntities(s, false).replace("\\}", "}").replace("\\#", "#");
    }

    /** A short answer as Moodle compares it, with {@code \*} standing for {@code *}: whether it holds the wildcard, and its text. */
    static boolean wildcard(String answer) {
        for (int i = 0; i < answer.length(); i++) {
            if (answer.charAt(i) == '*' && (i == 0 || answer.charAt(i - 1) != '\\')) return true;
        }
        return false;
    }

    /** A short answer without wildcards as plain text: {@code \*} back to {@code *}. */
    static String literal(String answer) {
        return answer.replace("\\*", "*");
    }

    /** A short answer as Moodle compares it literally: each {@code *} escaped, since a bare one is the wildcard. */
    static String starred(String answer) {
        return answer.replace("*", "\\*");
    }

    /** An answer as written inside the braces. */
    static String answer(String text) {
        return starred(special(Html.escape(text)));
    }

    /** Feedback (plain text) as written inside the braces: HTML once decoded, lines as {@code <br>}. */
    static String feedback(String text) {
        return special(Html.escape(Html.fromText(text)).replace("&lt;br&gt;", "<br>"));
    }

    /** Tildes and backslashes as character references, closing braces and hashes escaped by a backslash. */
    private static String special(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '~' -> b.append("&#126;");
                case '\\' -> b.append("&#92;");
                case '}' -> b.append("\\}");
                case '#' -> b.append("\\#");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
