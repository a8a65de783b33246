package org.quizcard.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
            List<Integer> positions = new ArrayList<>();
            c.picks().forEach(i -> positions.add(shown.shownAt(i)));
            positions.sort(null);
            StringBuilder b = new StringBuilder();
            for (int p : positions) b.append(b.length() == 0 ? "" : " ").append(ResponseParser.letter(p));
            return b.toString();
        } else if (r instanceof Response.Bool b) {
            return Boolean.toString(b.value());
        } else if (r instanceof Response.Typed t) {
            return t.text();
        } else if (r instanceof Response.Number n) {
            return n.typed();
        } else if (r instanceof Response.Sequence s) {
            StringBuilder b = new StringBuilder();
            for (int i : s.order()) b.append(b.length() == 0 ? "" : " ").append(shown.shownAt(i) + 1);
            return b.toString();
        } else if (r instanceof Response.Pairs p) {
            Map<Integer, Integer> sorted = new TreeMap<>(p.pairs());
            StringBuilder b = new StringBuilder();
            sorted.forEach((left, right) -> b.append(b.length() == 0 ? "" : " ").append(left + 1)
                    .append(ResponseParser.letter(shown.shownAt(right))));
            return b.toString();
        } else if (r instanceof Response.Blanks b) {
            return String.join("; ", b.blanks());
        } else if (r instanceof Response.SelfRating s) {
            return Integer.toString(s.rating());
        }
        throw new IllegalArgumentException("unknown response " + r + " for " + q.ref());
    }
}
