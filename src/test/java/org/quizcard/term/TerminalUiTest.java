package org.quizcard.term;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.Test;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Fixtures;
import org.quizcard.bank.Question;
import org.quizcard.check.Presentation;
import org.quizcard.check.Response;
import org.quizcard.srs.Rating;
import org.quizcard.study.QuizUi;
import org.quizcard.study.QuizUi.Answer;

/** The JLine UI against a terminal built on piped streams: keys in, screen bytes out. */
class TerminalUiTest {
    private final Bank bank = Fixtures.demo();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    private TerminalUi ui(String keys, boolean colour) throws Exception {
        Terminal terminal = TestTerminal.withKeys(keys, screen);
        return new TerminalUi(terminal, colour, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), id -> "Containers");
    }

    private QuizUi.Prompt prompt(String id) {
        Question q = bank.question("containers/" + id).orElseThrow();
        return new QuizUi.Prompt(q, Presentation.identity(q), 2, 5, 1, 1, true, false, null);
    }

    private String shown() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    /** What was shown, without colour codes. */
    private String plain() {
        return shown().replaceAll("\u001b\\[[0-9;]*m", "");
    }

    @Test
    void aDigitAnswersASingleChoiceAtOnce() throws Exception {
        assertThat(ui("3", true).ask(prompt("shared-kernel")))
                .isEqualTo(new Answer.Given(new Response.Choice(List.of(2)), 0));
        assertThat(shown()).contains("Question 2 of 5", "The host's kernel");
    }

    @Test
    void arrowsMoveAndEnterPicks() throws Exception {
        assertThat(ui("\u001b[B\u001b[B\u001b[A\r", true).ask(prompt("shared-kernel")))
                .isEqualTo(new Answer.Given(new Response.Choice(List.of(1)), 0));
    }

    @Test
    void trueFalseByLetter() throws Exception {
        assertThat(ui("b", true).ask(prompt("vm-statement"))).isEqualTo(new Answer.Given(new Response.Bool(false), 0));
    }

    @Test
    void multipleTogglesThenEnterSubmits() throws Exception {
        // tick 1 and 2, down to 3 and tick it, up twice to 1 and untick it
        assertThat(ui("\r12\u001b[B \u001b[A\u001b[A \r", true).ask(prompt("building-blocks")))
                .isEqualTo(new Answer.Given(new Response.Choice(List.of(1, 2)), 0));
        assertThat(shown()).contains("Tick at least one option");
    }

    @Test
    void invalidKeysGiveAHintAndNeverAnswer() throws Exception {
        assertThat(ui("9x1", true).ask(prompt("shared-kernel")))
                .isEqualTo(new Answer.Given(new Response.Choice(List.of(0)), 0));
        assertThat(shown()).contains("Press 1-3 or a-c.");
    }

    @Test
    void ctrlCAndCtrlDQuit() throws Exception {
        assertThat(ui("\u0003", true).ask(prompt("shared-kernel"))).isEqualTo(new Answer.Quit());
        assertThat(ui("\u0004", true).ask(prompt("shared-kernel"))).isEqualTo(new Answer.Quit());
        assertThat(ui("\u0003", true).ask(prompt("what-is-it"))).isEqualTo(new Answer.Quit());
    }

    @Test
    void typedAnswersUseTheLineEditor() throws Exception {
        assertThat(ui("A group of processes\r", true).ask(prompt("what-is-it")))
                .isEqualTo(new Answer.Given(new Response.Typed("A group of processes"), 0));
        assertThat(ui("1c 2b 3a\r", true).ask(prompt("feature-roles"))).isInstanceOf(Answer.Given.class);
    }

    @Test
    void flashcardRevealsOnEnterAndTakesAKeyRating() throws Exception {
        assertThat(ui("\r4", true).ask(prompt("oci"))).isEqualTo(new Answer.Given(new Response.SelfRating(4), 0));
        assertThat(shown()).contains("Open Container Initiative.");
    }

    @Test
    void feedbackLetsTheLearnerChangeTheRating() throws Exception {
        Question q = bank.question("containers/vm-statement").orElseThrow();
        var misconception = bank.misconception("container-is-lightweight-vm").orElseThrow();
        var f = new QuizUi.Feedback(q, Presentation.identity(q), new Response.Bool(true),
                org.quizcard.check.Checker.check(q, new Response.Bool(true)), "false", List.of(misconception),
                Rating.AGAIN, true, java.util.Set.of(), java.util.Map.of());
        List<Rating> changes = new java.util.ArrayList<>();
        assertThat(ui("2\r", true).feedback(f, changes::add)).isEqualTo(Rating.HARD);
        assertThat(changes).containsExactly(Rating.HARD);
        assertThat(plain()).contains("✗ Wrong", "You picked: 1/a True", "Misconception: ",
                "A container is a lightweight virtual machine.", "Why it seems right: ", "What is true: ");
        assertThat(plain()).doesNotContain("That belief is wrong.");
        assertThat(shown()).contains("\u001b[");
        // the ratings line is drawn again in place: cursor up, erase, the new line
        String plain = plain();
        assertThat(plain).contains("[1 Again] suggested · 2 Hard · 3 Good · 4 Easy");
        assertThat(plain.substring(plain.lastIndexOf("\u001b[J"))).contains("1 Again · [2 Hard] · 3 Good · 4 Easy");
    }

    @Test
    void ratingsShowTheirIntervalsAndAWrongKeySaysWhichKeysWork() throws Exception {
        Question q = bank.question("containers/vm-statement").orElseThrow();
        var f = new QuizUi.Feedback(q, Presentation.identity(q), new Response.Bool(false),
                org.quizcard.check.Checker.check(q, new Response.Bool(false)), "false", List.of(), Rating.GOOD, true,
                java.util.Set.of(), java.util.Map.of(Rating.AGAIN, "1m", Rating.HARD, "6m", Rating.GOOD, "10m",
                        Rating.EASY, "8d"));
        assertThat(ui("x\r", false).feedback(f, changed -> { })).isEqualTo(Rating.GOOD);
        assertThat(plain()).contains("1 Again 1m · 2 Hard 6m · [3 Good 10m] suggested · 4 Easy 8d",
                "That key does nothing here: 1-4 rate, Enter goes on, q quits.");
    }

    @Test
    void aMisconceptionRefutedEarlierInTheSessionIsOneLineThatEExpands() throws Exception {
        Question q = bank.question("containers/vm-statement").orElseThrow();
        var misconception = bank.misconception("container-is-lightweight-vm").orElseThrow();
        var f = new QuizUi.Feedback(q, Presentation.identity(q), new Response.Bool(true),
                org.quizcard.check.Checker.check(q, new Response.Bool(true)), "false", List.of(misconception),
                Rating.AGAIN, true, java.util.Set.of(misconception.id()), java.util.Map.of());
        ui("\r", false).feedback(f, changed -> { });
        assertThat(plain()).contains("Misconception again: \u201cA container is a lightweight virtual machine.\u201d",
                "e explain again").doesNotContain("Why it seems right: ");
        ui("e\r", false).feedback(f, changed -> { });
        assertThat(plain()).contains("Why it seems right: ", "What is true: ");
    }

    @Test
    void withoutColourNoColourCodesAreSent() throws Exception {
        Question q = bank.question("containers/vm-statement").orElseThrow();
        var f = new QuizUi.Feedback(q, Presentation.identity(q), new Response.Bool(true),
                org.quizcard.check.Checker.check(q, new Response.Bool(true)), "false", List.of(), Rating.AGAIN, true, java.util.Set.of(), java.util.Map.of());
        ui("\r", false).feedback(f, changed -> { });
        assertThat(shown()).contains("✗ Wrong").doesNotContainPattern("\u001b\\[[0-9;]*3[0-9]m")
                .doesNotContainPattern("\u001b\\[[0-9;]*38;5");
    }

    @Test
    void orderItemsMoveWithArrowsAndSpaceOrTypedNumbers() throws Exception {
        // shown in bank order 0 1 2 3: grab the first, move it down twice, drop, submit → 1 2 0 3
        assertThat(ui(" \u001b[B\u001b[B \r", true).ask(prompt("start-steps")))
                .isEqualTo(new Answer.Given(new Response.Sequence(List.of(1, 2, 0, 3)), 0));
        assertThat(ui("4 3 2 1\r", true).ask(prompt("start-steps")))
                .isEqualTo(new Answer.Given(new Response.Sequence(List.of(3, 2, 1, 0)), 0));
        assertThat(ui("9\r2 1 4 3\r", true).ask(prompt("start-steps")))
                .isEqualTo(new Answer.Given(new Response.Sequence(List.of(1, 0, 3, 2)), 0));
        assertThat(shown()).contains("Type all 4 item numbers in order");
    }

    @Test
    void tAndFAnswerATrueFalseStatementAsInThePlainUi() throws Exception {
        assertThat(ui("t", false).ask(prompt("vm-statement"))).isEqualTo(new Answer.Given(new Response.Bool(true), 0));
        assertThat(ui("f", false).ask(prompt("vm-statement"))).isEqualTo(new Answer.Given(new Response.Bool(false), 0));
    }

    @Test
    void undoOnTheFirstQuestionSaysSoInPlaceAndKeepsWaiting() throws Exception {
        Question q = bank.question("containers/shared-kernel").orElseThrow();
        var first = new QuizUi.Prompt(q, Presentation.identity(q), 1, 5, 0, 0, false, false, null);
        assertThat(ui("u2", false).ask(first)).isEqualTo(new Answer.Given(new Response.Choice(List.of(1)), 0));
        // the answer came from the same prompt: the question was not asked, and printed, again
        assertThat(plain()).contains("Nothing to undo yet.");
    }

    @Test
    void feedbackTallerThanTheWindowSaysItsVerdictAgainBesideTheRatings() throws Exception {
        Question q = bank.question("containers/vm-statement").orElseThrow();
        var misconception = bank.misconception("container-is-lightweight-vm").orElseThrow();
        var f = new QuizUi.Feedback(q, Presentation.identity(q), new Response.Bool(true),
                org.quizcard.check.Checker.check(q, new Response.Bool(true)), "false", List.of(misconception),
                Rating.AGAIN, true, java.util.Set.of(), java.util.Map.of());
        Terminal small = TestTerminal.withKeys("\r", screen, 40, 12);
        new TerminalUi(small, false, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), id -> "Containers").feedback(f, r -> { });
        String tail = plain().substring(plain().indexOf("[1 Again") - 20);
        assertThat(plain().split("✗ Wrong", -1)).as("said twice").hasSize(3);
        assertThat(tail).contains("✗ Wrong");

        screen.reset();
        ui("\r", false).feedback(f, r -> { });
        assertThat(plain().split("✗ Wrong", -1)).as("once, in a window it fits").hasSize(2);
    }
}
