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
        Map<String, Object> json;
        if (r instanceof Response.Choice c) {
            json = Map.of("choice", c.picks());
        } else if (r instanceof Response.Bool b) {
            json = Map.of("bool", b.value());
        } else if (r instanceof Response.Typed t) {
            json = Map.of("text", t.text());
        } else if (r instanceof Response.Number x) {
            json = Map.of("number", x.typed());
        } else if (r instanceof Response.Sequence s) {
            json = Map.of("order", s.order());
        } else if (r instanceof Response.Pairs p) {
            json = Map.of("pairs", new TreeMap<>(p.pairs()));
        } else if (r instanceof Response.Blanks b) {
            json = Map.of("blanks", b.blanks());
        } else {
            json = Map.of("rating", ((Response.SelfRating) r).rating());
        }
        return JsonMapper.shared().writeValueAsString(json);
    }
}
