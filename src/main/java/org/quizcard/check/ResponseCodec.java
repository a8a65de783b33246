package org.quizcard.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes a {@link Response} as compact JSON for the review log, and reads it back. */
public final class ResponseCodec {
    private static final JsonMapper JSON = JsonMapper.shared();

    private ResponseCodec() {
    }

    public static String toJson(Response r) {
        ObjectNode n = JSON.createObjectNode();
        if (r instanceof Response.Choice c) {
            n.set("choice", ints(c.picks()));
        } else if (r instanceof Response.Bool b) {
            n.put("bool", b.value());
        } else if (r instanceof Response.Typed t) {
            n.put("text", t.text());
        } else if (r instanceof Response.Number x) {
            n.put("number", x.typed());
        } else if (r instanceof Response.Sequence s) {
            n.set("order", ints(s.order()));
        } else if (r instanceof Response.Pairs p) {
            ObjectNode pairs = n.putObject("pairs");
            p.pairs().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> pairs.put(String.valueOf(e.getKey()), e.getValue()));
        } else if (r instanceof Response.Blanks b) {
            ArrayNode a = n.putArray("blanks");
            b.blanks().forEach(a::add);
        } else if (r instanceof Response.SelfRating s) {
            n.put("rating", s.rating());
        }
        return JSON.writeValueAsString(n);
    }

    public static Response fromJson(String json) {
        JsonNode n = JSON.readTree(json);
        if (n.has("choice")) return new Response.Choice(intList(n.get("choice")));
        if (n.has("bool")) return new Response.Bool(n.get("bool").asBoolean());
        if (n.has("text")) return new Response.Typed(n.get("text").asString());
        if (n.has("number")) {
            // Logs written before units were read stored the number alone.
            JsonNode x = n.get("number");
            return x.isNumber() ? new Response.Number(x.asDouble()) : new Response.Number(x.asString());
        }
        if (n.has("order")) return new Response.Sequence(intList(n.get("order")));
        if (n.has("pairs")) {
            Map<Integer, Integer> pairs = new LinkedHashMap<>();
            n.get("pairs").properties().forEach(e -> pairs.put(Integer.parseInt(e.getKey()), e.getValue().asInt()));
            return new Response.Pairs(pairs);
        }
        if (n.has("blanks")) {
            List<String> blanks = new ArrayList<>();
            n.get("blanks").forEach(b -> blanks.add(b.asString()));
            return new Response.Blanks(blanks);
        }
        if (n.has("rating")) return new Response.SelfRating(n.get("rating").asInt());
        throw new IllegalArgumentException("not a recorded response: " + json);
    }

    private static ArrayNode ints(List<Integer> values) {
        ArrayNode a = JSON.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    private static List<Integer> intList(JsonNode a) {
        List<Integer> out = new ArrayList<>();
        a.forEach(v -> out.add(v.asInt()));
        return out;
    }
}
