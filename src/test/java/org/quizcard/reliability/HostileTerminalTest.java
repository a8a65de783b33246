package org.quizcard.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayOutputStream;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Fixtures;
import org.quizcard.bank.Question;
import org.quizcard.check.Checker;
import org.quizcard.check.Presentation;
import org.quizcard.check.Response;
import org.quizcard.srs.Rating;
import org.quizcard.study.QuizUi;
import org.quizcard.study.QuizUi.Answer;
import org.quizcard.term.PlainUi;
import org.quizcard.term.TerminalUi;
import org.quizcard.term.TestTerminal;

/**
 * The full-screen UI at every kind of prompt (the nine question types, the second step of a
 * flashcard and a cloze, the feedback) given Ctrl-C, Ctrl-D and the end of input: the session
 * ends, never hangs or throws. Escape sequences typed or stored as answers never reach the
 * screen raw, in the terminal or the plain UI.
 */
class HostileTerminalTest {
    private static final String MARK = "\u001b]0;PWNED\u0007";
    private final Bank bank = Fixtures.demo();

    private static String screenOf(ByteArrayOutputStream screen) {
        return screen.toString(StandardCharsets.UTF_8);
    }

    private static TerminalUi ui(String keys, ByteArrayOutputStream screen) throws Exception {
        Terminal terminal = TestTerminal.withKeys(keys, screen);
        return new TerminalUi(terminal, true, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), id -> "Containers");
    }

    private QuizUi.Prompt prompt(Question q) {
        return new QuizUi.Prompt(q, Presentation.identity(q), 1, 9, 0, 0, true, false, null);
    }

    /** Keys that reach each prompt of a question, before the ending key. */
    private static final Map<String, List<String>> STEPS = Map.of(
            "see-and-use", List.of("", "use\r"),
            "oci", List.of("", "\r"),
            "building-blocks", List.of("", "1 "),
            "start-steps", List.of("", " \u001b[B"),
            "what-is-it", List.of("", "half an ans"));

    @TestFactory
    Stream<DynamicTest> ctrlCCtrlDAndEndOfInputEndEveryPrompt() {
        return bank.questions().toList().stream().flatMap(q -> STEPS.getOrDefault(q.id(), List.of("")).stream()
                .flatMap(before -> Stream.of("\u0003", "\u0004", "").map(end -> dynamicTest(
                        q.id() + " after " + visible(before) + " then " + (end.isEmpty() ? "EOF" : visible(end)), () -> {
                            ByteArrayOutputStream screen = new ByteArrayOutputStream();
                            Answer a = assertTimeoutPreemptively(Duration.ofSeconds(5),
                                    () -> ui(before + end, screen).ask(prompt(q)));
                            assertThat(a).isEqualTo(new Answer.Quit());
                        }))));
    }

    @Test
    void ctrlCAtTheFeedbackEndsTheSession() throws Exception {
        Question q = bank.question("containers/vm-statement").orElseThrow();
        for (String end : List.of("\u0003", "\u0004", "")) {
            var f = new QuizUi.Feedback(q, Presentation.identity(q), new Response.Bool(true),
                    Checker.check(q, new Response.Bool(true)), "false", List.of(), Rating.AGAIN, true, java.util.Set.of(), java.util.Map.of());
            Rating r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ui(end, new ByteArrayOutputStream()).feedback(f, changed -> { }));
            assertThat(r).as("null ends the session").isNull();
        }
    }

    @Test
    void escapeSequencesTypedAsAnswersNeverReachTheScreenRaw() throws Exception {
        for (String id : List.of("what-is-it", "kernels-count", "feature-roles", "see-and-use")) {
            Question q = bank.question("containers/" + id).orElseThrow();
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ui(MARK + "x\u009b2J\r" + MARK + "\r\u0003", screen).ask(prompt(q)));
            // the line editor may beep (BEL) at a key it does not take, so only what follows the
            // first prompt is checked
            String shown = screenOf(screen);
            String afterPrompt = shown.substring(shown.indexOf("Question 1 of 9"));
            assertThat(afterPrompt).as(id).doesNotContain(MARK, "\u009b", "]0;PWNED\u0007");
        }
    }

    @TestFactory
    Stream<DynamicTest> storedHostileResponsesAreShownSafelyInFeedback() {
        return bank.questions().toList().stream().map(q -> dynamicTest(q.id(), () -> {
            Response hostile = q instanceof Question.Cloze ? new Response.Blanks(List.of(MARK + "a", "\u009b2J"))
                    : q instanceof Question.Text ? new Response.Typed(MARK + "answer\u0000\u009b2J")
                    : org.quizcard.study.RightAnswers.of(q);
            String right = MARK + "right";
            var f = new QuizUi.Feedback(q, Presentation.identity(q), hostile, Checker.check(q, hostile),
                    right, List.of(), Rating.AGAIN, true, java.util.Set.of(), java.util.Map.of());
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ui("\r", screen).feedback(f, changed -> { }));
            assertThat(screenOf(screen)).doesNotContain(MARK, "\u0007", "\u009b", "\u0000");
            StringWriter plain = new StringWriter();
            new PlainUi(new BufferedReader(new StringReader("")), new PrintWriter(plain, true),
                    Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), c -> "Containers").feedback(f, changed -> { });
            assertThat(HostileFiles.hasRawControl(plain.toString())).as(plain.toString()).isFalse();
        }));
    }

    private static String visible(String keys) {
        return keys.isEmpty() ? "nothing" : keys.replace("\u0003", "^C").replace("\u0004", "^D").replace("\u001b", "ESC")
                .replace("\r", "⏎");
    }
}
