package org.quizcard.exchange.anki;

import java.util.List;
import org.quizcard.bank.Printable;
import org.quizcard.exchange.Html;
import org.quizcard.exchange.Loss;

/**
 * One Anki field as the plain text of a bank: HTML (with Anki's own {@code [sound:file]} tags) read
 * with its structure kept, or, from a text file that says {@code #html:false}, taken as written;
 * each image, sound or video it showed listed as a {@link Loss}: banks hold text only. (Anki's
 * text files themselves are read by {@link AnkiTextFile}.)
 */
final class AnkiField {
    private static final String SOUND = "[sound:";

    private AnkiField() {
    }

    /**
     * The text of a field, read as HTML when {@code html}, else as written (only its sounds taken
     * out); each medium it names is added to {@code losses} under {@code where}.
     */
    static String text(String raw, boolean html, String where, List<Loss> losses) {
        String field = raw;
        if (field.contains(SOUND)) field = sounds(field, where, losses);
        if (!html) return Printable.text(field).strip();
        if (field.indexOf('<') < 0 && field.indexOf('&') < 0) return plain(field);
        Html.Text text = Html.toText(field);
        for (String medium : text.media()) losses.add(Loss.part(where, medium(medium) + ": banks hold text only"));
        return text.text();
    }

    /** The field without its {@code [sound:file]} tags, each listed as a loss. */
    private static String sounds(String field, String where, List<Loss> losses) {
        StringBuilder b = new StringBuilder(field.length());
        int from = 0;
        for (int at = field.indexOf(SOUND); at >= 0; at = field.indexOf(SOUND, from)) {
            int end = field.indexOf(']', at);
            if (end < 0) break;
            b.append(field, from, at);
            losses.add(Loss.part(where, "sound " + field.substring(at + SOUND.length(), end)
                    + ": banks hold text only"));
            from = end + 1;
        }
        return b.append(field, from, field.length()).toString();
    }

    /**
     * A field's words for naming its note in a message, without parsing HTML (every note is
     * named, few are ever shown): tags dropped, white space collapsed, entities left as written.
     */
    static String label(String html) {
        if (html.indexOf('<') < 0) return plain(html);
        StringBuilder b = new StringBuilder(html.length());
        boolean inTag = false;
        for (int i = 0; i < html.length(); i++) {
            char ch = html.charAt(i);
            if (ch == '<') inTag = true;
            else if (ch == '>' && inTag) {
                inTag = false;
                b.append(' ');
            } else if (!inTag) b.append(ch);
        }
        return plain(b.toString());
    }

    /**
     * Text with no tag and no entity, as {@link Html#toText} gives it, without parsing HTML (most
     * fields of a large deck): each run of white space one space, none at either end.
     */
    static String plain(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f') {
                space = b.length() > 0;
            } else {
                if (space) b.append(' ');
                space = false;
                b.append(ch == '\u00a0' ? ' ' : ch);
            }
        }
        return Printable.text(b.toString().strip());
    }

    /** A medium as {@link Html} lists it ({@code img cat.png}) in words: {@code image cat.png}. */
    private static String medium(String listed) {
        int space = listed.indexOf(' ');
        String tag = space < 0 ? listed : listed.substring(0, space);
        String name = space < 0 ? "" : " " + Printable.line(listed.substring(space + 1));
        String kind = switch (tag) {
            case "img" -> "image";
            case "audio" -> "sound";
            case "video" -> "video";
            default -> "embedded " + tag;
        };
        return kind + name;
    }
}
