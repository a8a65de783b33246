package org.quizcard.bank;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.quizcard.bank.YamlNode.YamlList;
import org.quizcard.bank.YamlNode.YamlMap;
import org.quizcard.bank.YamlNode.YamlScalar;

/**
 * Writes strings and {@link YamlNode}s back as YAML that {@link YamlReader} reads to the same
 * values: plain scalars only where nothing could be misread, double quotes everywhere else.
 */
final class YamlWriter {
    /** Text that stays a string when written plain, in block and in flow context alike. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9 .'()/?!;_-]*[A-Za-z0-9.')/?!_-]|[A-Za-z]");
    /** Words some YAML readers take for booleans or null. */
    private static final Set<String> RESERVED = Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n");

    private YamlWriter() {
    }

    /** A string scalar: plain when that is unambiguous, else double-quoted. */
    static String scalar(String text) {
        if (PLAIN.matcher(text).matches() && !RESERVED.contains(text.toLowerCase(Locale.ROOT))) return text;
        return quoted(text);
    }

    /** A double-quoted scalar; breaks, controls and quotes are escaped so the text is one line. */
    static String quoted(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20 || (ch >= 0x7f && ch <= 0x9f) || ch == '\u2028' || ch == '\u2029' || ch == '\ufeff') {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A flow list of string scalars: {@code [a, "b: c"]}. */
    static String flowList(List<String> items) {
        return items.stream().map(YamlWriter::scalar).collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * A node as one line of flow YAML (JSON syntax): strings quoted, numbers and booleans as
     * written, so reading it back gives the same scalars of the same kinds.
     */
    static String flow(YamlNode node) {
        if (node instanceof YamlMap m) {
            return m.entries().values().stream().map(e -> quoted(e.key()) + ": " + flow(e.value()))
                    .collect(Collectors.joining(", ", "{", "}"));
        } else if (node instanceof YamlList l) {
            return l.items().stream().map(YamlWriter::flow).collect(Collectors.joining(", ", "[", "]"));
        }
        YamlScalar s = (YamlScalar) node;
        return switch (s.kind()) {
            case STRING -> quoted(s.text());
            case INTEGER, FLOAT -> s.text();
            case BOOLEAN -> Boolean.toString(Boolean.parseBoolean(s.text()));
            case NULL -> "null";
        };
    }
}
