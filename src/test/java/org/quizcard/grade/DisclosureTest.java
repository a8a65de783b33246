package org.quizcard.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Question;
import org.quizcard.check.Presentation;

class DisclosureTest {
    private static final Question PICK = new Question.Single(
            new Question.Common("c", "pick", "Which?", "", null, List.of(), List.of(), null),
            List.of(new Question.Option("right", true, null, null),
                    new Question.Option("wrong", false, null, "Close: the other one.", null)));
    private static final Result.QuestionResult WRONG_PICK = new Result.QuestionResult(
            new Variant.Item(PICK, Presentation.identity(PICK), 1), 3, true, "b", List.of(1), 0, 0, List.of(), List.of());

    private static List<String> feedback(Assignment.Feedback level) {
        return new Disclosure(null, new Bank(List.of(), Map.of()), level).feedback(WRONG_PICK);
    }

    @Test
    void theExplanationOfThePickedOptionShowsWithTheAnswersOnly() {
        assertThat(feedback(Assignment.Feedback.FULL))
                .contains("On your pick \"wrong\": Close: the other one.", "Answer: right")
                .noneMatch(l -> l.startsWith("Why:"));
        for (Assignment.Feedback below : List.of(Assignment.Feedback.SCORE, Assignment.Feedback.MISCONCEPTIONS)) {
            assertThat(feedback(below)).noneMatch(l -> l.contains("Close: the other one."));
        }
    }
}
