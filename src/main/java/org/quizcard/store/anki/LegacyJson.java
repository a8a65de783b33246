package org.quizcard.store.anki;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.quizcard.QuizcardException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Schema 11's note types and decks: JSON objects keyed by id in {@code col.models} and {@code
 * col.decks}. A note type has {@code name}, {@code type} (0 normal, 1 cloze), {@code flds} and
 * {@code tmpls} (each with {@code name} and {@code ord}); a deck has {@code name} (levels joined
 * by {@code ::}), {@code desc} and {@code dyn} (1 for a filtered deck).
 */
final class LegacyJson {
    private LegacyJson() {
    }

    static Map<Long, AnkiRecords.NoteType> noteTypes(String json, String file) {
        return byId(json, "col.models", file, (id, m) -> new AnkiRecords.NoteType(id, m.path("name").asString(""),
                m.path("type").asInt(0) == 1, names(m.path("flds")), names(m.path("tmpls"))));
    }

    static Map<Long, AnkiRecords.Deck> decks(String json, String file) {
        return byId(json, "col.decks", file, (id, d) -> new AnkiRecords.Deck(id, d.path("name").asString(""),
                d.path("desc").asString(""), d.path("dyn").asInt(0) != 0));
    }

    /**
     * The values of the JSON object in {@code column}, each made by {@code make} from its id and
     * its value.
     */
    private static <T> Map<Long, T> byId(String json, String column, String file,
                                         BiFunction<Long, JsonNode, T> make) {
        JsonNode tree;
        try {
            tree = JsonMapper.shared().readTree(json == null || json.isBlank() ? "{}" : json);
        } catch (JacksonException e) {
            throw QuizcardException.badInput(file + ": not an Anki collection (" + column + " is not JSON)");
        }
        if (!tree.isObject()) {
            throw QuizcardException.badInput(file + ": not an Anki collection (" + column + " is not a JSON object)");
        }
        Map<Long, T> values = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : tree.properties()) {
            long id = id(e.getKey(), e.getValue());
            values.put(id, make.apply(id, e.getValue()));
        }
        return values;
    }

    private static long id(String key, JsonNode value) {
        if (value.path("id").canConvertToLong()) return value.path("id").asLong();
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            return key.hashCode();
        }
    }

    /** The names of a list of fields or templates, in the order of their {@code ord}. */
    private static List<String> names(JsonNode list) {
        if (!list.isArray()) return List.of();
        return list.valueStream().sorted(Comparator.comparingInt(n -> n.path("ord").asInt(0)))
                .map(n -> n.path("name").asString("")).toList();
    }
}
