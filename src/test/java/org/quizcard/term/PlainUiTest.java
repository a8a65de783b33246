package org.quizcard.term;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Fixtures;
import org.quizcard.bank.Question;
import org.quizcard.check.Presentation;
import org.quizcard.check.Response;
import org.quizcard.study.QuizUi;
import org.quizcard.study.QuizUi.Answer;

class PlainUiTest {
    private final Bank bank = Fixtures.demo();
    private final StringWriter out = new StringWriter();

    private PlainUi ui(String input) {
        return new PlainUi(new BufferedReader(new StringReader(input)), new PrintWriter(out, true),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), id -> "Containers");
    }

    private QuizUi.Prompt prompt(String id) {
        Question q = bank.question("containers/" + id).orElseThrow();
        return new QuizUi.Prompt(q, Presentation.identity(q), 1, 3, 0, 0, false, false, null);
    }

    @Test
    void invalidInputGetsAHintAndTheQuestionStays() {
        Answer a = ui("9\nb\n").ask(prompt("shared-kernel"));
        assertThat(a).isEqualTo(new Answer.Given(new Response.Choice(List.of(1)), 0));
        assertThat(out.toString()).contains("Question 1 of 3", "1/a  The host's kernel", "Pick one option (1-3 or a-c).");
    }

    @Test
    void controlsAreWholeLines() {
        assertThat(ui("s\n").ask(prompt("what-is-it"))).isEqualTo(new Answer.Skip());
        assertThat(ui("u\n").ask(prompt("what-is-it"))).isEqualTo(new Answer.Undo());
        assertThat(ui("q\n").ask(prompt("what-is-it"))).isEqualTo(new Answer.Quit());
        assertThat(ui("").ask(prompt("what-is-it"))).isEqualTo(new Answer.Quit());
    }

    @Test
    void questionMarkShowsTheHintAndKeepsAsking() {
        Answer a = ui("?\n1\n").ask(prompt("shared-kernel"));
        assertThat(out.toString()).contains("Hint: Think of what `ps` on the host shows.");
        assertThat(a).isInstanceOf(Answer.Given.class);
    }

    @Test
    void clozeIsAnsweredBlankByBlank() {
        Answer a = ui("use\n\nsee\n").ask(prompt("see-and-use"));
        assertThat(a).isEqualTo(new Answer.Given(new Response.Blanks(List.of("use", "see")), 0));
        assertThat(out.toString()).contains("Blank 1 of 2> ", "Blank 2 of 2> ", "Type the word for this blank");
    }

    @Test
    void flashcardRevealsThenTakesARating() {
        Answer a = ui("\n7\n3\n").ask(prompt("oci"));
        assertThat(a).isEqualTo(new Answer.Given(new Response.SelfRating(3), 0));
        assertThat(out.toString()).contains("Open Container Initiative.", "Rate your recall: 1 Again");
    }

    @Test
    void questionMarkAtTheRatingShowsTheHintAndNoComplaint() {
        Answer a = ui("\n?\n3\n").ask(prompt("oci"));
        assertThat(a).isEqualTo(new Answer.Given(new Response.SelfRating(3), 0));
        assertThat(out.toString()).contains("Hint: ").doesNotContain("Rate your recall: 1 Again");
    }

    @Test
    void outputHasNoEscapeCodesEvenForHostileText() {
        Question q = new Question.Text(new Question.Common("containers", "x", "Evil \u001b[31mred\u001b[0m prompt",
                "e", null, List.of(), List.of(), null), List.of("a"), null, List.of());
        ui("q\n").ask(new QuizUi.Prompt(q, Presentation.identity(q), 1, 1, 0, 0, false, false, null));
        assertThat(out.toString()).doesNotContain("\u001b").contains("Evil \uFFFD[31mred");
    }
}
