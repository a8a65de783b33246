package org.quizcard.study;

import java.util.List;
import java.util.Map;
import org.quizcard.check.Response;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link Response} as the compact JSON the review log stores: how the learner answered, in the
 * question's own terms. Storage's concern, so it lives here and not in the pure checking code.
 */
final class ResponseJson {
    private static final JsonMapper JSON = JsonMapper.shared();

    private ResponseJson() {
    }

    static String toJson(Response r) {
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

    private static ArrayNode ints(List<Integer> values) {
        ArrayNode a = JSON.createArrayNode();
        values.forEach(a::add);
        return a;
    }
}
