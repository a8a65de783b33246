package org.quizcard.term;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;
import org.quizcard.bank.Question;
import org.quizcard.check.Checker;
import org.quizcard.check.Presentation;
import org.quizcard.check.Response;
import org.quizcard.study.QuizUi;

class RendererTest {
    @Test
    void aLineWiderThanTheTerminalIsCutAtWordsAndItsContinuationsKeepTheIndent() {
        Renderer r = new Renderer(Style.monochrome(), () -> 20);
        List<AttributedString> lines = r.fit(new AttributedString("    one two three four five six seven"));
        assertThat(lines).extracting(AttributedString::toString)
                .containsExactly("    one two three", "    four five six", "    seven");
        assertThat(lines).allSatisfy(l -> assertThat(l.columnLength()).isLessThanOrEqualTo(20));
    }

    @Test
    void stylesSurviveTheCutAndAWordLongerThanALineIsCutWhereTheLineEnds() {
        Renderer r = new Renderer(Style.monochrome(), () -> 10);
        AttributedString styled = new AttributedString("abc /a/very/long/path", AttributedStyle.BOLD);
        List<AttributedString> lines = r.fit(styled);
        assertThat(lines).extracting(AttributedString::toString).containsExactly("abc", "/a/very/lo", "ng/path");
        assertThat(lines.get(1).styleAt(0)).isEqualTo(AttributedStyle.BOLD);
    }

    @Test
    void theWidthIsReadAtEveryScreenSoAResizeTakesEffect() {
        AtomicInteger width = new AtomicInteger(100);
        Renderer r = new Renderer(Style.monochrome(), width::get);
        AttributedString line = new AttributedString("alpha beta gamma delta epsilon");
        assertThat(r.fit(line)).hasSize(1);
        width.set(12);
        assertThat(r.fit(line)).extracting(AttributedString::toString)
                .containsExactly("alpha beta", "gamma delta", "epsilon");
    }

    @Test
    void theOptionPickedShowsItsOwnExplanationAndAQuestionWithoutOneShowsNoWhy() {
        Question.Common common = new Question.Common("c", "q", "Which?", "", null, List.of(), List.of(), null);
        Question q = new Question.Single(common, List.of(new Question.Option("right", true, null, null),
                new Question.Option("wrong", false, null, "Close: it is the other one.", null)));
        Response picked = new Response.Choice(List.of(1));
        var f = new QuizUi.Feedback(q, Presentation.identity(q), picked, Checker.check(q, picked), "right", List.of(),
                null, true, Set.of(), Map.of());
        List<String> lines = new Renderer(Style.monochrome(), () -> 80).feedback(f, false).stream().map(AttributedString::toString).toList();
        assertThat(lines).contains("You picked: 2/b wrong", "On your pick: Close: it is the other one.", "Answer: right");
        assertThat(lines).noneMatch(l -> l.startsWith("Why:"));
    }
}
