package org.quizcard.bank;

import java.util.List;
import java.util.Map;

/**
 * A YAML document as plain data that remembers where each piece came from, so every error
 * can name its line and column. Only mappings with string keys, sequences and scalars exist:
 * anchors, aliases and tags are rejected while reading.
 */
public sealed interface YamlNode {
    Position where();

    /** A short name of the node's kind for messages: "a mapping", "a list", "a string". */
    default String describe() {
        if (this instanceof YamlMap) return "a mapping";
        if (this instanceof YamlList) return "a list";
        return switch (((YamlScalar) this).kind()) {
            case STRING -> "a string";
            case INTEGER, FLOAT -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
        };
    }

    /** A mapping; entries keep their order, keys are unique. */
    record YamlMap(Map<String, Entry> entries, Position where) implements YamlNode {
        /** One key with its position and value. */
        public record Entry(String key, Position keyWhere, YamlNode value) { }
    }

    /** A sequence. */
    record YamlList(List<YamlNode> items, Position where) implements YamlNode { }

    /** A scalar with the type YAML 1.2's core schema resolved it to. */
    record YamlScalar(String text, Kind kind, Position where) implements YamlNode {
        /** The resolved type of a scalar. */
        public enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }
    }
}
