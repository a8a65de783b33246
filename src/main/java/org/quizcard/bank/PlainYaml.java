package org.quizcard.bank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quizcard.bank.YamlNode.YamlList;
import org.quizcard.bank.YamlNode.YamlMap;
import org.quizcard.bank.YamlNode.YamlScalar;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * A fast reader for the plain subset of YAML that banks are written in: block mappings with
 * identifier keys, block sequences, one-line plain and quoted scalars, one-line flow lists and
 * mappings, simple folded and literal block scalars, blank lines and whole-line comments. It gives
 * exactly the nodes and positions {@link YamlReader}'s full parser (Jackson over snakeyaml-engine)
 * gives, with the same scalar types (it asks the same resolver), at a fraction of the cost.
 *
 * <p>It never reports a problem: at the first thing outside that subset (a tab, a comment after a
 * value, an escape, an anchor, a duplicate key, an empty value, a multi-line plain scalar...) it
 * gives up and {@link YamlReader} reads the file again with the full parser, so every message about
 * a file comes from one place. A file the full parser rejects is always outside the subset.
 */
final class PlainYaml {
    /** Nesting at which this reader gives up, well below the full parser's limit. */
    static final int MAX_DEPTH = 32;
    /** Longest scalar this reader returns, well below the full parser's limit. */
    static final int MAX_SCALAR = 100_000;
    /** Longest plain scalar whose type is remembered. */
    static final int MAX_REMEMBERED = 24;
    /** Longest key this reader returns, well below the full parser's limit of 1024 for a key. */
    static final int MAX_KEY = 128;

    /**
     * Thrown to give up. Preallocated and without a stack trace: it ends one attempt per file at
     * most, and costs nothing then.
     */
    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Unsupported INSTANCE = new Unsupported();

        private Unsupported() {
            super("outside the plain subset", null, false, false);
        }
    }

    private final String file;
    /**
     * The text's characters: indexing an array costs the client compiler's code a fraction of
     * {@link String#charAt}, and this reader looks at every character.
     */
    private final char[] text;
    private final ScalarResolver resolver;
    /** Types of the short plain scalars seen so far: ids, types, tags and flags repeat a lot. */
    private final Map<String, Tag> tags = new HashMap<>();
    /** The current line: its number (1-based), where it starts and ends (at its line feed or the text's end). */
    private int line = 1;
    private int start;
    private int end;

    private PlainYaml(String file, String text, ScalarResolver resolver) {
        this.file = file;
        this.text = text.toCharArray();
        this.resolver = resolver;
    }

    /**
     * The root mapping of {@code text}, or null when the text is not in the plain subset, which
     * includes text with a line longer than {@link YamlReader#MAX_LINE}.
     */
    static YamlNode read(String file, String text, ScalarResolver resolver) {
        try {
            return new PlainYaml(file, text, resolver).document();
        } catch (Unsupported e) {
            return null;
        }
    }

    private YamlNode document() {
        end = lineEnd(0);
        skipInsignificantLines();
        if (atEnd() || indent() != 0) throw Unsupported.INSTANCE;
        YamlNode root = blockMapping(0, 1);
        skipInsignificantLines();
        if (!atEnd()) throw Unsupported.INSTANCE;
        return root;
    }

    // --- block collections ---------------------------------------------------------------------

    /**
     * A block mapping whose first key starts at column {@code column} (0-based) of the current
     * line; every further key must start a line at that column.
     */
    private YamlMap blockMapping(int column, int depth) {
        checkDepth(depth);
        Position where = at(column);
        Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
        int keyAt = start + column;
        while (true) {
            int colon = keyEnd(keyAt);
            String key = new String(text, keyAt, colon - keyAt);
            Position keyWhere = at(keyAt - start);
            YamlNode value = mappingValue(column, colon + 1, depth);
            if (entries.putIfAbsent(key, new YamlMap.Entry(key, keyWhere, value)) != null) {
                throw Unsupported.INSTANCE;
            }
            skipInsignificantLines();
            if (atEnd() || indent() < column) return new YamlMap(entries, where);
            if (indent() > column || text[start + column] == '-') throw Unsupported.INSTANCE;
            keyAt = start + column;
        }
    }

    /** The value after a key's colon at {@code from}: on the same line, or a block below it. */
    private YamlNode mappingValue(int column, int from, int depth) {
        int valueAt = skipSpaces(from);
        if (valueAt < end) return inlineValue(valueAt, column, depth + 1);
        nextLine();
        skipInsignificantLines();
        if (atEnd()) throw Unsupported.INSTANCE;
        int indent = indent();
        if (indent > column) return blockNode(indent, depth + 1);
        if (indent == column && isSequenceEntry(start + indent)) return blockSequence(indent, depth + 1);
        throw Unsupported.INSTANCE;
    }

    /** A block mapping or sequence that starts at column {@code column} of the current line. */
    private YamlNode blockNode(int column, int depth) {
        if (isSequenceEntry(start + column)) return blockSequence(column, depth);
        return blockMapping(column, depth);
    }

    /** A block sequence whose entries start lines at column {@code column} with a dash. */
    private YamlList blockSequence(int column, int depth) {
        checkDepth(depth);
        Position where = at(column);
        List<YamlNode> items = new ArrayList<>();
        while (true) {
            if (!isSequenceEntry(start + column)) throw Unsupported.INSTANCE;
            int itemAt = skipSpaces(start + column + 1);
            if (itemAt >= end || text[itemAt] == '-') throw Unsupported.INSTANCE;
            items.add(startsWithKey(itemAt) ? blockMapping(itemAt - start, depth + 1)
                    : inlineValue(itemAt, column, depth + 1));
            skipInsignificantLines();
            if (atEnd() || indent() < column) return new YamlList(items, where);
            if (indent() > column) throw Unsupported.INSTANCE;
            if (!isSequenceEntry(start + column)) return new YamlList(items, where);
        }
    }

    private boolean isSequenceEntry(int at) {
        return text[at] == '-' && at + 1 < end && text[at + 1] == ' ';
    }

    /**
     * Whether a key starts at {@code at}: an identifier that does not start with a dash, of at most
     * {@link #MAX_KEY} characters, then a colon and a space or the line's end.
     */
    private boolean startsWithKey(int at) {
        int i = at;
        while (i < end && isKeyCharacter(text[i])) i++;
        return i > at && i - at <= MAX_KEY && text[at] != '-'
                && i < end && text[i] == ':' && (i + 1 == end || text[i + 1] == ' ');
    }

    /** The index of the colon after the key that starts at {@code at}. */
    private int keyEnd(int at) {
        if (!startsWithKey(at)) throw Unsupported.INSTANCE;
        int i = at;
        while (isKeyCharacter(text[i])) i++;
        return i;
    }

    private static boolean isKeyCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    // --- values on one line ----------------------------------------------------------------------

    /**
     * A value that starts at {@code at} on the current line: a scalar or a flow collection that
     * ends the line, or a block scalar below it. {@code parentColumn} is the column of the
     * collection it belongs to. Leaves the current line on the first line after the value.
     */
    private YamlNode inlineValue(int at, int parentColumn, int depth) {
        char c = text[at];
        YamlNode value;
        int after;
        if (c == '>' || c == '|') {
            return blockScalar(at, parentColumn);
        } else if (c == '[') {
            checkDepth(depth);
            List<YamlNode> items = new ArrayList<>();
            after = flowSequence(at, items);
            value = new YamlList(items, at(at - start));
        } else if (c == '{') {
            checkDepth(depth);
            Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
            after = flowMapping(at, entries);
            value = new YamlMap(entries, at(at - start));
        } else if (c == '"' || c == '\'') {
            after = quotedEnd(at);
            value = quoted(at, after);
        } else {
            after = blockPlainEnd(at);
            value = plain(at, after);
        }
        if (skipSpaces(after) != end) throw Unsupported.INSTANCE;
        nextLine();
        return value;
    }

    /** The end of a plain scalar in block context: the line's end, less trailing spaces. */
    private int blockPlainEnd(int at) {
        int stop = end;
        while (text[stop - 1] == ' ') stop--;
        checkPlain(at, stop);
        if (text[stop - 1] == ':') throw Unsupported.INSTANCE;
        return stop;
    }

    /** The end of a plain scalar in a flow collection: before a comma or a closing bracket, less spaces. */
    private int flowPlainEnd(int at) {
        int stop = at;
        while (stop < end && ",[]{}:".indexOf(text[stop]) < 0) stop++;
        if (stop == end) throw Unsupported.INSTANCE;
        while (stop > at && text[stop - 1] == ' ') stop--;
        checkPlain(at, stop);
        return stop;
    }

    /**
     * Gives up on a plain scalar that could mean anything else: one that starts with an indicator
     * (an anchor, a tag, a quote, a dash...), holds a comment or a key, or runs too long.
     */
    private void checkPlain(int from, int to) {
        if (to <= from || to - from > MAX_SCALAR) throw Unsupported.INSTANCE;
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(text[from]) >= 0) throw Unsupported.INSTANCE;
        for (int i = from; i < to - 1; i++) {
            char c = text[i];
            char next = text[i + 1];
            if (c == ':' && next == ' ' || c == ' ' && next == '#') throw Unsupported.INSTANCE;
        }
    }

    /**
     * A plain scalar typed as the full parser types it: the same resolver, and only the forms whose
     * text the full parser keeps as written (decimal integers and fractions, {@code true},
     * {@code false}, null); any other number or boolean is left to it.
     */
    private YamlScalar plain(int from, int to) {
        String value = new String(text, from, to - from);
        Position where = at(from - start);
        Tag tag = resolve(value);
        if (Tag.STR.equals(tag)) return new YamlScalar(value, YamlScalar.Kind.STRING, where);
        if (Tag.NULL.equals(tag)) return new YamlScalar("", YamlScalar.Kind.NULL, where);
        if (Tag.BOOL.equals(tag) && (value.equals("true") || value.equals("false"))) {
            return new YamlScalar(value, YamlScalar.Kind.BOOLEAN, where);
        }
        if (Tag.INT.equals(tag) && isDecimal(value, false)) return new YamlScalar(value, YamlScalar.Kind.INTEGER, where);
        if (Tag.FLOAT.equals(tag) && isDecimal(value, true)) return new YamlScalar(value, YamlScalar.Kind.FLOAT, where);
        throw Unsupported.INSTANCE;
    }

    /** The resolver's type for a plain scalar, remembered for short ones. */
    private Tag resolve(String value) {
        if (value.length() > MAX_REMEMBERED) return resolver.resolve(value, Boolean.TRUE);
        return tags.computeIfAbsent(value, v -> resolver.resolve(v, Boolean.TRUE));
    }

    /** {@code -?(0|[1-9][0-9]*)}, with a fraction {@code \.[0-9]+} when {@code fraction}; at most 15 digits. */
    private static boolean isDecimal(String s, boolean fraction) {
        int i = s.startsWith("-") ? 1 : 0;
        int digits = i;
        while (digits < s.length() && Character.isDigit(s.charAt(digits)) && s.charAt(digits) < 0x80) digits++;
        if (digits == i || digits - i > 15 || s.charAt(i) == '0' && digits - i > 1) return false;
        if (!fraction) return digits == s.length();
        if (digits >= s.length() - 1 || s.charAt(digits) != '.') return false;
        for (int j = digits + 1; j < s.length(); j++) {
            if (s.charAt(j) < '0' || s.charAt(j) > '9') return false;
        }
        return s.length() - i <= 16;
    }

    /** The index after the closing quote of a one-line quoted scalar without escapes. */
    private int quotedEnd(int at) {
        char quote = text[at];
        int close = at + 1;
        while (close < end && text[close] != quote) {
            if (quote == '"' && text[close] == '\\') throw Unsupported.INSTANCE;
            close++;
        }
        if (close >= end || close - at > MAX_SCALAR) throw Unsupported.INSTANCE;
        if (quote == '\'' && close + 1 < end && text[close + 1] == '\'') throw Unsupported.INSTANCE;
        return close + 1;
    }

    private YamlScalar quoted(int at, int after) {
        return new YamlScalar(new String(text, at + 1, after - at - 2), YamlScalar.Kind.STRING, at(at - start));
    }

    /** The items of a one-line flow list of scalars at {@code at}; returns the index after its bracket. */
    private int flowSequence(int at, List<YamlNode> items) {
        int i = skipSpaces(at + 1);
        if (i < end && text[i] == ']') return i + 1;
        while (true) {
            i = flowScalar(i, items::add);
            if (i >= end) throw Unsupported.INSTANCE;
            char c = text[i];
            if (c == ']') return i + 1;
            if (c != ',') throw Unsupported.INSTANCE;
            i = skipSpaces(i + 1);
        }
    }

    /** The entries of a one-line flow mapping of scalars at {@code at}; returns the index after its brace. */
    private int flowMapping(int at, Map<String, YamlMap.Entry> entries) {
        int i = skipSpaces(at + 1);
        if (i < end && text[i] == '}') return i + 1;
        while (true) {
            int colon = keyEnd(i);
            String key = new String(text, i, colon - i);
            Position keyWhere = at(i - start);
            YamlNode[] value = new YamlNode[1];
            i = flowScalar(skipSpaces(colon + 1), v -> value[0] = v);
            if (entries.putIfAbsent(key, new YamlMap.Entry(key, keyWhere, value[0])) != null) {
                throw Unsupported.INSTANCE;
            }
            if (i >= end) throw Unsupported.INSTANCE;
            char c = text[i];
            if (c == '}') return i + 1;
            if (c != ',') throw Unsupported.INSTANCE;
            i = skipSpaces(i + 1);
        }
    }

    /** A scalar in a flow collection at {@code at}, given to {@code to}; returns the index of what follows it. */
    private int flowScalar(int at, java.util.function.Consumer<YamlNode> to) {
        if (at >= end) throw Unsupported.INSTANCE;
        char c = text[at];
        if (c == '"' || c == '\'') {
            int after = quotedEnd(at);
            to.accept(quoted(at, after));
            return skipSpaces(after);
        }
        int stop = flowPlainEnd(at);
        to.accept(plain(at, stop));
        return skipSpaces(stop);
    }

    // --- block scalars ---------------------------------------------------------------------------

    /**
     * A folded ({@code >}) or literal ({@code |}) block scalar, clipped or stripped, whose lines
     * all have the same indentation, deeper than {@code parentColumn}, with no blank line between
     * them: its lines joined with spaces (folded) or line feeds (literal), and one final line feed
     * when clipped. Blank lines after it change nothing when it is clipped or stripped.
     */
    private YamlScalar blockScalar(int at, int parentColumn) {
        boolean folded = text[at] == '>';
        int header = at + 1;
        boolean strip = header < end && text[header] == '-';
        if (strip) header++;
        if (header != end) throw Unsupported.INSTANCE;
        Position where = at(at - start);
        nextLine();
        if (atEnd() || isBlank()) throw Unsupported.INSTANCE;
        int indent = indent();
        if (indent <= parentColumn) throw Unsupported.INSTANCE;
        StringBuilder value = new StringBuilder();
        while (!atEnd() && !isBlank() && indent() >= indent) {
            if (indent() > indent || text[end - 1] == ' ') throw Unsupported.INSTANCE;
            if (value.length() > 0) value.append(folded ? ' ' : '\n');
            value.append(text, start + indent, end - start - indent);
            if (value.length() > MAX_SCALAR) throw Unsupported.INSTANCE;
            // the final line break that clipping keeps must be there
            if (end == text.length && !strip) throw Unsupported.INSTANCE;
            nextLine();
        }
        while (!atEnd() && isBlank()) nextLine();
        // a line of the scalar after a blank line would keep that line break
        if (!atEnd() && indent() >= indent) throw Unsupported.INSTANCE;
        if (!strip) value.append('\n');
        return new YamlScalar(value.toString(), YamlScalar.Kind.STRING, where);
    }

    // --- lines -----------------------------------------------------------------------------------

    private boolean atEnd() {
        return start >= text.length;
    }

    /**
     * The end of the line that starts at {@code from}. Every line passes here once, so this is
     * where characters outside the subset and overlong lines are refused.
     */
    private int lineEnd(int from) {
        int i = from;
        while (i < text.length) {
            char c = text[i];
            if (c == '\n') break;
            if (c < 0x20 || c >= 0x7f && !isPlainNonAscii(c)) throw Unsupported.INSTANCE;
            i++;
        }
        if (i - from > YamlReader.MAX_LINE) throw Unsupported.INSTANCE;
        return i;
    }

    /**
     * Whether a character above ASCII is one the subset allows: printable, and neither a line
     * break the full parser knows (U+0085, U+2028, U+2029), a byte-order mark, a surrogate (this
     * reader counts columns in characters, the full parser in code points) nor a non-character.
     */
    private static boolean isPlainNonAscii(char c) {
        return c >= 0xa0 && c != '\u2028' && c != '\u2029' && (c < '\ud800' || c > '\uf8ff')
                && c != '\ufeff' && c < '\ufffe';
    }

    private void nextLine() {
        start = end + 1;
        end = start >= text.length ? text.length : lineEnd(start);
        line++;
    }

    /** Leading spaces of the current line. */
    private int indent() {
        return skipSpaces(start) - start;
    }

    private boolean isBlank() {
        return skipSpaces(start) == end;
    }

    /** Skips blank lines and whole-line comments. */
    private void skipInsignificantLines() {
        while (!atEnd()) {
            int first = skipSpaces(start);
            if (first != end && text[first] != '#') return;
            nextLine();
        }
    }

    private int skipSpaces(int from) {
        int i = from;
        while (i < end && text[i] == ' ') i++;
        return i;
    }

    private Position at(int column) {
        return new Position(file, line, column + 1);
    }

    private static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) throw Unsupported.INSTANCE;
    }
}
