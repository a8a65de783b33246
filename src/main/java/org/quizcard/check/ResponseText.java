package org.quizcard.check;

import java.util.TreeMap;
import java.util.stream.Collectors;
import org.quizcard.bank.Question;

/**
 * Writes a response back as the learner would type it against a presentation: the inverse of
 * {@link ResponseParser}, used for answers files.
 */
public final class ResponseText {
    private ResponseText() {
    }

    /** The response as one line of input ("b", "a c", "3 1 2", "1b 2a", "false", "4096"). */
    public static String format(Question q, Presentation shown, Response r) {
        if (r instanceof Response.Choice c) {
            return c.picks().stream().map(shown::shownAt).sorted()
                    .map(p -> String.valueOf(ResponseParser.letter(p))).collect(Collectors.joining(" "));
        } else if (r instanceof Response.Bool b) {
            return Boolean.toString(b.value());
        } else if (r instanceof Response.Typed t) {
            return t.text();
        } else if (r instanceof Response.Number n) {
            return n.typed();
        } else if (r instanceof Response.Sequence s) {
            return s.order().stream().map(i -> Integer.toString(shown.shownAt(i) + 1)).collect(Collectors.joining(" "));
        } else if (r instanceof Response.Pairs p) {
            return new TreeMap<>(p.pairs()).entrySet().stream()
                    .map(e -> (e.getKey() + 1) + String.valueOf(ResponseParser.letter(shown.shownAt(e.getValue()))))
                    .collect(Collectors.joining(" "));
        } else if (r instanceof Response.Blanks b) {
            return String.join("; ", b.blanks());
        } else if (r instanceof Response.SelfRating s) {
            return Integer.toString(s.rating());
        }
        throw new IllegalArgumentException("unknown response " + r + " for " + q.ref());
    }
}
