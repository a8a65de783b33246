package org.quizcard.term;

import java.util.ArrayList;
import java.util.List;
import org.quizcard.bank.Question;
import org.quizcard.check.ResponseParser;
import org.quizcard.study.QuizUi;

/** What a choice answer picked, as feedback shows it: the options by their place, and their own explanations. */
final class Picked {
    private Picked() {
    }

    /** The options a choice answer picked, as shown ("2/b The host's kernel"), or null for other answers. */
    static String describe(QuizUi.Feedback f) {
        List<String> texts = new ArrayList<>();
        if (f.response() instanceof org.quizcard.check.Response.Bool b) return b.value() ? "1/a True" : "2/b False";
        if (!(f.response() instanceof org.quizcard.check.Response.Choice c)) return null;
        if (!(f.question() instanceof Question.Choice choice)) return null;
        List<Question.Option> options = choice.options();
        for (int index : c.picks()) {
            int at = f.presentation().shownAt(index);
            texts.add((at < 0 ? "" : (at + 1) + "/" + ResponseParser.letter(at) + " ") + Text.safe(options.get(index).text()));
        }
        return texts.isEmpty() ? "nothing" : String.join("; ", texts);
    }

    /** The explanations of the options a choice answer picked, for those that have one. */
    static List<String> explanations(QuizUi.Feedback f) {
        List<String> texts = new ArrayList<>();
        if (f.response() instanceof org.quizcard.check.Response.Choice c && f.question() instanceof Question.Choice choice) {
            for (int index : c.picks()) {
                String about = choice.options().get(index).explanation();
                if (about != null) texts.add(Text.safe(about));
            }
        }
        return texts;
    }
}
