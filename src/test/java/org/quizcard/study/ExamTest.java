package org.quizcard.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Fixtures;
import org.quizcard.bank.Question;
import org.quizcard.check.Presentation;
import org.quizcard.check.Response;
import org.quizcard.check.ResponseText;
import org.quizcard.study.QuizUi.Answer;

class ExamTest {
    private final Bank bank = Fixtures.demo();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    /** Every set of answers the exam handed over, in order. */
    private final List<Map<String, List<String>>> saved = new ArrayList<>();

    private Question q(String id) {
        return bank.question("containers/" + id).orElseThrow();
    }

    private static Answer.Given given(Response r) {
        return new Answer.Given(r, 1200);
    }

    private Exam start(Map<String, Presentation> shown) {
        return Exam.start(bank, shown.keySet().stream().map(ref -> bank.question(ref).orElseThrow()).toList(), shown,
                clock, answers -> saved.add(Map.copyOf(answers)));
    }

    @Test
    void theAnswersAreSavedBlankAtOnceThenAfterEveryAnswerAndEveryUndo() {
        Question kernel = q("shared-kernel");
        Question statement = q("vm-statement");
        Question cloze = q("see-and-use");
        // the choice question shown in another order than the bank's: its answer is written as shown
        Presentation shuffled = Presentation.shuffle(Presentation.canonical(kernel), kernel, new SplittableRandom(3));
        Map<String, Presentation> shown = new LinkedHashMap<>();
        shown.put(kernel.ref(), shuffled);
        shown.put(statement.ref(), Presentation.canonical(statement));
        shown.put(cloze.ref(), Presentation.canonical(cloze));
        Exam exam = start(shown);
        assertThat(saved).containsExactly(Map.of());

        Response pick = new Response.Choice(List.of(0));
        Response.Blanks blanks = (Response.Blanks) RightAnswers.of(cloze);
        ScriptedUi ui = new ScriptedUi().then(given(pick)).then(given(new Response.Bool(false)))
                .then(new Answer.Undo()).then(given(new Response.Bool(true))).then(given(blanks));
        exam.take(ui);

        List<String> kernelText = List.of(ResponseText.format(kernel, shuffled, pick));
        assertThat(saved).containsExactly(
                Map.of(),
                Map.of(kernel.ref(), kernelText),
                Map.of(kernel.ref(), kernelText, statement.ref(), List.of("false")),
                Map.of(kernel.ref(), kernelText),
                Map.of(kernel.ref(), kernelText, statement.ref(), List.of("true")),
                Map.of(kernel.ref(), kernelText, statement.ref(), List.of("true"), cloze.ref(), blanks.blanks()));
        assertThat(exam.answered()).isEqualTo(3);
        assertThat(exam.questions()).isEqualTo(3);
        assertThat(ui.prompts.get(0).presentation()).isEqualTo(shuffled);
    }

    @Test
    void anExamShowsNoFeedbackNoSummaryAndNoFollowUps() {
        Map<String, Presentation> shown = new LinkedHashMap<>();
        for (String id : List.of("shared-kernel", "vm-statement", "what-is-it", "kernels-count", "start-steps")) {
            shown.put(q(id).ref(), Presentation.canonical(q(id)));
        }
        Exam exam = start(shown);
        // the second option reveals a misconception that another question of the bank probes: a
        // study session would bring that question back as a follow-up
        ScriptedUi ui = new ScriptedUi().then(given(new Response.Choice(List.of(1))));
        for (int i = 0; i < 5; i++) ui.then(new Answer.Skip());
        exam.take(ui);
        assertThat(ui.prompts).allMatch(QuizUi.Prompt::exam).extracting(p -> p.question().ref())
                .containsExactlyElementsOf(shown.keySet());
        assertThat(ui.feedback).isEmpty();
        assertThat(ui.summary).isNull();
        assertThat(exam.answered()).isEqualTo(1);
    }

    @Test
    void stoppingEarlyKeepsWhatWasAnswered() {
        Question kernel = q("shared-kernel");
        Question statement = q("vm-statement");
        Map<String, Presentation> shown = new LinkedHashMap<>();
        shown.put(kernel.ref(), Presentation.canonical(kernel));
        shown.put(statement.ref(), Presentation.canonical(statement));
        Exam exam = start(shown);
        exam.take(new ScriptedUi().then(new Answer.Skip()).then(given(new Response.Bool(false))));
        assertThat(exam.answered()).isEqualTo(1);
        assertThat(saved.get(saved.size() - 1)).containsOnlyKeys(statement.ref());
    }
}
