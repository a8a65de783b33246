package org.quizcard.term;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.quizcard.bank.Question;
import org.quizcard.check.Response;
import org.quizcard.check.ResponseParser;
import org.quizcard.study.QuizUi;

/** What a choice answer picked, as feedback shows it: the options by their place, and their own explanations. */
final class Picked {
    private Picked() {
    }

    /** The options a choice answer picked, as shown ("2/b The host's kernel"), or null for other answers. */
    static String describe(QuizUi.Feedback f) {
        if (f.response() instanceof Response.Bool b) return b.value() ? "1/a True" : "2/b False";
        if (!(f.response() instanceof Response.Choice c && f.question() instanceof Question.Choice choice)) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (int index : c.picks()) {
            int at = f.presentation().shownAt(index);
            String place = at < 0 ? "" : (at + 1) + "/" + ResponseParser.letter(at) + " ";
            texts.add(place + Text.safe(choice.options().get(index).text()));
        }
        return texts.isEmpty() ? "nothing" : String.join("; ", texts);
    }

    /** The explanations of the options a choice answer picked, for those that have one. */
    static List<String> explanations(QuizUi.Feedback f) {
        if (!(f.response() instanceof Response.Choice c && f.question() instanceof Question.Choice choice)) {
            return List.of();
        }
        return c.picks().stream().map(index -> choice.options().get(index).explanation())
                .filter(Objects::nonNull).map(Text::safe).toList();
    }
}
