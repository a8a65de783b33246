package org.quizcard.study;

import java.util.Map;
import java.util.TreeMap;
import org.quizcard.check.Response;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link Response} as the compact JSON the review log stores: how the learner answered, in the
 * question's own terms. Storage's concern, so it lives here and not in the pure checking code.
 */
final class ResponseJson {
    private ResponseJson() {
    }

    static String toJson(Response r) {
        Map<String, Object> json = r instanceof Response.Choice c ? Map.of("choice", c.picks())
                : r instanceof Response.Bool b ? Map.of("bool", b.value())
                : r instanceof Response.Typed t ? Map.of("text", t.text())
                : r instanceof Response.Number x ? Map.of("number", x.typed())
                : r instanceof Response.Sequence s ? Map.of("order", s.order())
                : r instanceof Response.Pairs p ? Map.of("pairs", new TreeMap<>(p.pairs()))
                : r instanceof Response.Blanks k ? Map.of("blanks", k.blanks())
                : Map.of("rating", ((Response.SelfRating) r).rating());
        return JsonMapper.shared().writeValueAsString(json);
    }
}
