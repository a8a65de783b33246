package org.quizcard.exchange.qti;

import org.quizcard.exchange.Numbers;
import org.quizcard.exchange.Xml;

/** QTI 3.0 response-processing rules and expressions, as quizcard's items use them. */
final class Rules {
    private static final String SCORE = "SCORE";

    private Rules() {
    }

    static Xml base(String baseType, String value) {
        return Xml.element("qti-base-value").attr("base-type", baseType).text(value);
    }

    static Xml variable(String id) {
        return Xml.element("qti-variable").attr("identifier", id);
    }

    static Xml set(String outcome, Xml expression) {
        return Xml.element("qti-set-outcome-value").attr("identifier", outcome).add(expression);
    }

    /** {@code if (condition) action}. */
    static Xml when(Xml condition, Xml action) {
        Xml rule = Xml.element("qti-response-condition");
        rule.child("qti-response-if").add(condition).add(action);
        return rule;
    }

    /** {@code if (condition) SCORE = 1 else SCORE = 0}. */
    private static Xml rightOrWrong(Xml condition) {
        Xml rule = when(condition, set(SCORE, base("float", "1")));
        rule.child("qti-response-else").add(set(SCORE, base("float", "0")));
        return rule;
    }

    /** The rule of the standard match_correct template: 1 when the response is the correct response, else 0. */
    static Xml matchCorrect(String response) {
        return rightOrWrong(Xml.element("qti-match").add(variable(response))
                .add(Xml.element("qti-correct").attr("identifier", response)));
    }

    /** The rule of the standard map_response template: 0 without a response, else the response's mapped value. */
    static Xml mapResponse(String response) {
        Xml rule = when(Xml.element("qti-is-null").add(variable(response)), set(SCORE, base("float", "0")));
        rule.child("qti-response-else").add(set(SCORE, Xml.element("qti-map-response").attr("identifier", response)));
        return rule;
    }

    /** 1 when the number given is within {@code tolerance} of the correct response (bounds included), else 0. */
    static Xml withinTolerance(String response, double tolerance) {
        Xml equal = Xml.element("qti-equal");
        if (tolerance > 0) equal.attr("tolerance-mode", "absolute").attr("tolerance", Numbers.plain(tolerance));
        else equal.attr("tolerance-mode", "exact");
        return rightOrWrong(equal.add(variable(response)).add(Xml.element("qti-correct").attr("identifier", response)));
    }

    /** Adds a blank's mapped value to SCORE when the blank was filled. */
    static Xml addMappedScore(String response) {
        return when(Xml.element("qti-not").add(Xml.element("qti-is-null").add(variable(response))),
                set(SCORE, Xml.element("qti-sum").add(variable(SCORE))
                        .add(Xml.element("qti-map-response").attr("identifier", response))));
    }
}
