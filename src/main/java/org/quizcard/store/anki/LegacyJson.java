package org.quizcard.store.anki;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        Map<Long, AnkiRecords.NoteType> types = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : object(json, "col.models", file).properties()) {
            JsonNode m = e.getValue();
            long id = id(e.getKey(), m);
            types.put(id, new AnkiRecords.NoteType(id, m.path("name").asString(""), m.path("type").asInt(0) == 1,
                    names(m.path("flds")), names(m.path("tmpls"))));
        }
        return types;
    }

    static Map<Long, AnkiRecords.Deck> decks(String json, String file) {
        Map<Long, AnkiRecords.Deck> decks = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : object(json, "col.decks", file).properties()) {
            JsonNode d = e.getValue();
            long id = id(e.getKey(), d);
            decks.put(id, new AnkiRecords.Deck(id, d.path("name").asString(""), d.path("desc").asString(""),
                    d.path("dyn").asInt(0) != 0));
        }
        return decks;
    }

    private static JsonNode object(String json, String column, String file) {
        try {
            JsonNode tree = JsonMapper.shared().readTree(json == null || json.isBlank() ? "{}" : json);
            if (!tree.isObject()) throw QuizcardException.badInput(file + ": not an Anki collection (" + column + " is not a JSON object)");
            return tree;
        } catch (JacksonException e) {
            throw QuizcardException.badInput(file + ": not an Anki collection (" + column + " is not JSON)");
        }
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
        List<JsonNode> items = new ArrayList<>();
        if (list.isArray()) list.forEach(items::add);
        items.sort(Comparator.comparingInt(n -> n.path("ord").asInt(0)));
        List<String> names = new ArrayList<>();
        for (JsonNode n : items) names.add(n.path("name").asString(""));
        return names;
    }
}
