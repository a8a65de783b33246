package org.quizcard.bank;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.quizcard.bank.YamlNode.YamlList;
import org.quizcard.bank.YamlNode.YamlMap;
import org.quizcard.bank.YamlNode.YamlScalar;

/**
 * Typed, strict access to the fields of one YAML mapping. Every string it gives is {@link
 * Printable#text}: YAML's escapes ({@code "\e[2J"}, {@code "\x9b"}) can put any control
 * character in a bank, and neutralising it here, where every string of every bank is read,
 * means no command or mode can forget it. Every wrong type and every missing
 * required field becomes a problem at its position; {@link #finish()} reports the fields nobody
 * asked for as unknown.
 */
public final class Fields {
    private final YamlMap map;
    private final String what;
    private final List<Problem> problems;
    private final Set<String> used = new HashSet<>();

    private Fields(YamlMap map, String what, List<Problem> problems) {
        this.map = map;
        this.what = what;
        this.problems = problems;
    }

    /** Fields of {@code node} if it is a mapping; otherwise reports it and returns null. */
    public static Fields of(YamlNode node, String what, List<Problem> problems) {
        if (node instanceof YamlMap m) return new Fields(m, what, problems);
        problems.add(Problem.error(node.where(), what + " must be a mapping, not " + node.describe()));
        return null;
    }

    public Position where() {
        return map.where();
    }

    public boolean has(String key) {
        return map.entries().containsKey(key);
    }

    public YamlNode node(String key) {
        used.add(key);
        YamlMap.Entry e = map.entries().get(key);
        return e == null ? null : e.value();
    }

    /** A non-blank string; null (and a problem) when required and missing. */
    public String string(String key, boolean required) {
        YamlScalar s = scalar(key, required, YamlScalar.Kind.STRING, "a string");
        if (s == null) return null;
        if (!s.text().isBlank()) return Printable.text(s.text().strip());
        problems.add(Problem.error(s.where(), "'" + key + "' is empty"));
        return null;
    }

    /** A string that may also be written as a plain number or boolean (an accepted answer "4096"). */
    public String text(YamlNode n, String key) {
        if (n instanceof YamlScalar s && s.kind() != YamlScalar.Kind.NULL) {
            if (s.text().isBlank()) {
                problems.add(Problem.error(n.where(), "'" + key + "' has an empty entry"));
                return null;
            }
            return Printable.text(s.text().strip());
        }
        wrongType(key, n, "a string");
        return null;
    }

    public Boolean bool(String key, boolean required) {
        YamlScalar s = scalar(key, required, YamlScalar.Kind.BOOLEAN, "true or false");
        return s == null ? null : Boolean.parseBoolean(s.text());
    }

    public Double number(String key, boolean required) {
        YamlNode n = present(key, required);
        if (n == null) return null;
        if (n instanceof YamlScalar s && (s.kind() == YamlScalar.Kind.INTEGER || s.kind() == YamlScalar.Kind.FLOAT)) {
            try {
                double v = Double.parseDouble(s.text().replace("_", ""));
                if (Double.isFinite(v)) return v;
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        if (n instanceof YamlScalar s && s.kind() == YamlScalar.Kind.FLOAT) {
            problems.add(Problem.error(n.where(), "'" + key + "' must be a finite number, not " + s.text()));
        } else {
            wrongType(key, n, "a finite number");
        }
        return null;
    }

    /** The items of a list field, each converted by {@code item}; nulls are dropped. */
    public <T> List<T> list(String key, boolean required, Function<YamlNode, T> item) {
        YamlNode n = present(key, required);
        List<T> out = new ArrayList<>();
        if (n == null) return out;
        if (!(n instanceof YamlList l)) {
            wrongType(key, n, "a list");
            return out;
        }
        for (YamlNode i : l.items()) {
            T t = item.apply(i);
            if (t != null) out.add(t);
        }
        return out;
    }

    /** A list of non-blank strings. */
    public List<String> strings(String key, boolean required) {
        return list(key, required, n -> text(n, key));
    }

    /**
     * A mapping of non-blank strings to non-blank strings, in the order written; empty when
     * missing. {@code keyCheck} names what is wrong with a key, or returns null when it is fine.
     */
    public Map<String, String> stringMap(String key, Function<String, String> keyCheck) {
        YamlNode n = present(key, false);
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null) return out;
        if (!(n instanceof YamlMap m)) {
            wrongType(key, n, "a mapping");
            return out;
        }
        for (YamlMap.Entry e : m.entries().values()) {
            String problem = keyCheck.apply(e.key());
            if (problem != null) {
                problems.add(Problem.error(e.keyWhere(), "'" + key + "': " + problem));
                continue;
            }
            if (e.value() instanceof YamlScalar s && s.kind() == YamlScalar.Kind.STRING && !s.text().isBlank()) {
                out.put(e.key(), Printable.text(s.text().strip()));
            } else {
                problems.add(Problem.error(e.value().where(), "'" + key + "." + e.key() + "' must be a reason (a string), not "
                        + (e.value() instanceof YamlScalar s && s.text().isBlank() ? "empty" : e.value().describe())));
            }
        }
        return out;
    }

    /** Reports every field that was present but never asked for. */
    public void finish() {
        for (YamlMap.Entry e : map.entries().values()) {
            if (!used.contains(e.key())) {
                problems.add(Problem.error(e.keyWhere(), "unknown field '" + e.key() + "' in " + what));
            }
        }
    }

    /** Marks fields as allowed without reading them (they belong to another reader). */
    public void allow(String... keys) {
        used.addAll(List.of(keys));
    }

    /** The field's value, or null (and a problem when it is required) if it is missing or null. */
    private YamlNode present(String key, boolean required) {
        YamlNode n = node(key);
        if (n instanceof YamlScalar s && s.kind() == YamlScalar.Kind.NULL) n = null;
        if (n == null && required) problems.add(Problem.error(map.where(), what + " needs '" + key + "'"));
        return n;
    }

    /** The field's scalar of {@code kind}; null when it is missing or null, or (a problem) of another kind. */
    private YamlScalar scalar(String key, boolean required, YamlScalar.Kind kind, String expected) {
        YamlNode n = present(key, required);
        if (n instanceof YamlScalar s && s.kind() == kind) return s;
        if (n != null) wrongType(key, n, expected);
        return null;
    }

    private void wrongType(String key, YamlNode n, String expected) {
        problems.add(Problem.error(n.where(), "'" + key + "' must be " + expected + ", not " + n.describe()));
    }
}
