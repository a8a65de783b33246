package org.quizcard.exchange.anki;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Printable;

/**
 * Anki's plain-text notes read into headers and rows: the {@code #key:value} lines at the top
 * (and a first line {@code tags:…}, as older Anki wrote), then records separated as the
 * {@code #separator} says (else by the first of tab, pipe, semicolon, colon, comma and space the
 * first record holds, in Anki's order), fields quoted CSV-style with doubled quotes and line breaks
 * inside quotes. Lines starting with {@code #} between records are comments, blank lines skipped.
 * A header Anki would not understand, an unclosed quote and bytes that are not UTF-8 are bad
 * input naming the file and line.
 */
final class AnkiTextFile {
    /** One record: the line it starts on and its fields. */
    record Row(int line, List<String> fields) { }

    private static final String NAMES = "tab|pipe|semicolon|colon|comma|space";
    private static final char[] DELIMITERS = {'\t', '|', ';', ':', ',', ' '};

    final String file;
    Character separator;
    Boolean html;
    final List<String> tags = new ArrayList<>();
    final List<String> columns = new ArrayList<>();
    String noteType;
    String deck;
    int noteTypeColumn;
    int deckColumn;
    int guidColumn;
    int tagsColumn;
    final List<Row> rows = new ArrayList<>();

    private final String text;
    private int at;
    private int line = 1;

    private AnkiTextFile(String file, String text) {
        this.file = file;
        this.text = text;
    }

    static AnkiTextFile parse(String file, byte[] bytes) {
        AnkiTextFile f = new AnkiTextFile(file, decode(file, bytes));
        f.headers();
        f.records();
        return f;
    }

    private static String decode(String file, byte[] bytes) {
        // a new decoder reports malformed input rather than replacing it
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) if (bytes[i] == '\n') line++;
            throw QuizcardException.badInput(file + ":" + line + ": not UTF-8 text");
        }
        decoder.flush(out);
        String s = out.flip().toString();
        return s.startsWith("\ufeff") ? s.substring(1) : s;
    }

    private QuizcardException bad(int lineNo, String what) {
        return QuizcardException.badInput(file + ":" + lineNo + ": " + Printable.line(what));
    }

    /** The header lines at the top: {@code tags:…} first, then every line starting with {@code #}. */
    private void headers() {
        if (text.startsWith("tags:")) tags.addAll(words(nextLine().substring(5)));
        while (at < text.length() && text.charAt(at) == '#') {
            int lineNo = line;
            String l = nextLine().substring(1);
            int colon = l.indexOf(':');
            if (colon >= 0) header(lineNo, l.substring(0, colon).strip().toLowerCase(Locale.ROOT), l.substring(colon + 1));
        }
    }

    private String nextLine() {
        int end = text.indexOf('\n', at);
        String l = text.substring(at, end < 0 ? text.length() : end);
        at = end < 0 ? text.length() : end + 1;
        line++;
        return l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
    }

    private void header(int lineNo, String key, String value) {
        switch (key) {
            case "separator" -> separator = separator(lineNo, value);
            case "html" -> {
                String v = leadingLetters(value.strip()).toLowerCase(Locale.ROOT);
                if (!v.equals("true") && !v.equals("false")) throw bad(lineNo, "#html: '" + value + "' is neither true nor false");
                html = v.equals("true");
            }
            case "tags" -> tags.addAll(words(value));
            case "columns" -> {
                AnkiTextFile names = new AnkiTextFile(file, value);
                if (!value.isEmpty()) columns.addAll(names.record(separator == null ? '\t' : separator));
            }
            case "notetype" -> noteType = value.strip();
            case "deck" -> deck = value.strip();
            case "notetype column" -> noteTypeColumn = column(lineNo, key, value);
            case "deck column" -> deckColumn = column(lineNo, key, value);
            case "guid column" -> guidColumn = column(lineNo, key, value);
            case "tags column" -> tagsColumn = column(lineNo, key, value);
            default -> { } // Anki's other headers (match scope, if matches) are about its own collection
        }
    }

    /** A separator by name, or a literal character (a header exported as a record may repeat it after). */
    private Character separator(int lineNo, String value) {
        String name = leadingLetters(value.strip()).toLowerCase(Locale.ROOT);
        if (!name.isEmpty()) {
            int i = List.of(NAMES.split("\\|")).indexOf(name);
            if (i < 0) throw bad(lineNo, "#separator: '" + value + "' is not one Anki knows (" + NAMES.replace("|", ", ")
                    + " or one character)");
            return DELIMITERS[i];
        }
        if (value.isEmpty()) throw bad(lineNo, "#separator: names no separator");
        char ch = value.charAt(0);
        if (ch == '"' || ch == '\r' || Character.isLetterOrDigit(ch)) throw bad(lineNo, "#separator: '" + ch
                + "' cannot separate fields");
        return ch;
    }

    private int column(int lineNo, String key, String value) {
        String digits = value.strip();
        int end = 0;
        while (end < digits.length() && end < 6 && digits.charAt(end) >= '0' && digits.charAt(end) <= '9') end++;
        int n = end == 0 ? 0 : Integer.parseInt(digits.substring(0, end));
        if (n < 1) throw bad(lineNo, "#" + key + ": '" + value.strip() + "' is not a column number (1, 2, ...)");
        return n;
    }

    private static String leadingLetters(String s) {
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) end++;
        return s.substring(0, end);
    }

    private static List<String> words(String s) {
        return Arrays.stream(s.strip().split("[ \\t]+")).filter(w -> !w.isEmpty()).toList();
    }

    /** The separator of a file without the header: the first of Anki's six its first record holds, else tab. */
    private char guessSeparator() {
        int end = text.indexOf('\n', at);
        String first = text.substring(at, end < 0 ? text.length() : end);
        for (char d : DELIMITERS) if (first.indexOf(d) >= 0) return d;
        return '\t';
    }

    private void records() {
        char sep = separator == null ? guessSeparator() : separator;
        while (at < text.length()) {
            char ch = text.charAt(at);
            // comments and blank lines
            if (ch == '#' || ch == '\n' || ch == '\r' && text.startsWith("\r\n", at)) nextLine();
            else rows.add(new Row(line, record(sep)));
        }
    }

    /** One record from {@code at}, up to and past the line break that ends it. */
    private List<String> record(char sep) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int opened = line;
        boolean quoted = false;
        boolean startOfField = true;
        while (at < text.length()) {
            char ch = text.charAt(at++);
            if (quoted) {
                if (ch == '"') {
                    if (at < text.length() && text.charAt(at) == '"') {
                        field.append('"');
                        at++;
                    } else {
                        quoted = false;
                    }
                } else if (ch != '\r' || at >= text.length() || text.charAt(at) != '\n') {
                    if (ch == '\n') line++;
                    field.append(ch);
                }
                continue;
            }
            if (ch == '"' && startOfField) {
                quoted = true;
                opened = line;
                startOfField = false;
            } else if (ch == sep) {
                fields.add(field.toString());
                field.setLength(0);
                startOfField = true;
            } else if (ch == '\n' || (ch == '\r' && at < text.length() && text.charAt(at) == '\n')) {
                if (ch == '\r') at++;
                line++;
                break;
            } else {
                field.append(ch);
                startOfField = false;
            }
        }
        if (quoted) throw bad(opened, "a quoted field opened on this line is never closed");
        fields.add(field.toString());
        return fields;
    }
}
