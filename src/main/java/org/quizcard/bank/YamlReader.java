package org.quizcard.bank;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quizcard.bank.YamlNode.YamlList;
import org.quizcard.bank.YamlNode.YamlMap;
import org.quizcard.bank.YamlNode.YamlScalar;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads YAML into {@link YamlNode}s with Jackson's streaming parser, strictly: duplicate keys,
 * anchors, aliases and explicit tags are reported as problems with their line and column, and
 * reading goes on so that one run reports every problem of a file.
 */
public final class YamlReader {
    /** Deepest nesting a bank may use; real banks need six or seven levels. */
    static final int MAX_DEPTH = 64;

    private static final StrictYamlFactory FACTORY = new StrictYamlFactory(YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(1_000_000)
                    .maxDocumentLength(200_000_000L)
                    .build()));

    private final String file;
    /** Where every node is placed instead of where it stands in the text, or null. */
    private final Position fixed;
    private final List<Problem> problems = new ArrayList<>();

    private YamlReader(String file, Position fixed) {
        this.file = file;
        this.fixed = fixed;
    }

    /** The result of reading: the root node (null when the text could not be parsed at all). */
    public record Result(YamlNode root, List<Problem> problems) { }

    /**
     * The longest line read: the YAML scanner takes time quadratic in the length of a run of
     * characters without a space, so a line longer than this is refused before parsing.
     */
    static final int MAX_LINE = 100_000;

    /** Reads one YAML document from text; {@code file} names it in positions. */
    public static Result read(String file, String text) {
        return new YamlReader(file, null).read(text);
    }

    /**
     * Reads text that stands at one place of a file ({@code where}: a sealed question's original,
     * decrypted), placing every node there.
     */
    static Result readAt(Position where, String text) {
        return new YamlReader(where.file(), where).read(text);
    }

    private Result read(String text) {
        // line by line with indexOf, which the JIT makes a vector search, not a char at a time
        for (int start = 0, line = 1; start <= text.length(); line++) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            if (end - start > MAX_LINE) {
                return new Result(null, List.of(Problem.error(new Position(file, line, MAX_LINE + 1),
                        "the line is longer than " + MAX_LINE + " characters; break it up")));
            }
            start = end + 1;
        }
        try (var p = (StrictYamlFactory.Parser) FACTORY.createParser(ObjectReadContext.empty(), new StringReader(text))) {
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.add(Problem.error(new Position(file, 1, 1), "the file is empty"));
                return new Result(null, problems);
            }
            YamlNode root = node(p);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                problems.add(Problem.error(at(p), "only one YAML document is allowed per file"));
            }
            return new Result(root, problems);
        } catch (JacksonException e) {
            problems.add(syntaxError(e));
            return new Result(null, problems);
        }
    }

    private YamlNode node(StrictYamlFactory.Parser p) {
        Position where = at(p);
        checkNodeProperties(p, where);
        JsonToken t = p.currentToken();
        return switch (t) {
            case START_OBJECT -> map(p, where);
            case START_ARRAY -> list(p, where);
            case VALUE_STRING -> new YamlScalar(p.getString(), YamlScalar.Kind.STRING, where);
            case VALUE_NUMBER_INT -> new YamlScalar(p.getString(), YamlScalar.Kind.INTEGER, where);
            case VALUE_NUMBER_FLOAT -> new YamlScalar(p.getString(), YamlScalar.Kind.FLOAT, where);
            case VALUE_TRUE, VALUE_FALSE -> new YamlScalar(p.getString(), YamlScalar.Kind.BOOLEAN, where);
            case VALUE_NULL -> new YamlScalar("", YamlScalar.Kind.NULL, where);
            default -> {
                problems.add(Problem.error(where, "unsupported YAML value"));
                yield new YamlScalar(p.getString(), YamlScalar.Kind.STRING, where);
            }
        };
    }

    private YamlMap map(StrictYamlFactory.Parser p, Position where) {
        Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            Position keyWhere = at(p);
            p.nextToken();
            YamlNode value = node(p);
            if (entries.containsKey(key)) {
                YamlMap.Entry first = entries.get(key);
                problems.add(Problem.error(keyWhere, "duplicate key '" + key + "' (first at line "
                        + first.keyWhere().line() + ")"));
            } else {
                entries.put(key, new YamlMap.Entry(key, keyWhere, value));
            }
        }
        if (t != JsonToken.END_OBJECT) {
            problems.add(Problem.error(at(p), "unexpected end of mapping"));
        }
        return new YamlMap(entries, where);
    }

    private YamlList list(StrictYamlFactory.Parser p, Position where) {
        List<YamlNode> items = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            items.add(node(p));
        }
        return new YamlList(items, where);
    }

    private void checkNodeProperties(StrictYamlFactory.Parser p, Position where) {
        if (p.isCurrentAlias()) {
            problems.add(Problem.error(where, "YAML aliases (*name) are not allowed in banks: write the value out"));
        }
        String anchor = p.anchor();
        if (anchor != null && !p.isCurrentAlias() && p.currentToken() != JsonToken.END_OBJECT) {
            problems.add(Problem.error(where, "YAML anchors (&" + anchor + ") are not allowed in banks"));
        }
        String tag = p.getTypeId();
        if (tag != null) {
            tag = tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring(18) : tag.startsWith("!") ? tag : "!" + tag;
            problems.add(Problem.error(where, "YAML tags (" + tag + ") are not allowed in banks"));
        }
    }

    private Position at(JsonParser p) {
        if (fixed != null) return fixed;
        TokenStreamLocation loc = p.currentTokenLocation();
        return new Position(file, Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
    }

    private Problem syntaxError(JacksonException e) {
        TokenStreamLocation loc = e.getLocation();
        int line = loc != null && loc.getLineNr() > 0 ? loc.getLineNr() : 1;
        int column = loc != null && loc.getColumnNr() > 0 ? loc.getColumnNr() : 1;
        return Problem.error(new Position(file, line, column), "invalid YAML: " + firstLine(e.getOriginalMessage()));
    }

    static String firstLine(String message) {
        if (message == null || message.isBlank()) return "cannot be parsed";
        String line = message.strip().lines().findFirst().orElse("cannot be parsed").strip();
        line = line.replaceAll("\\s+", " ");
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
