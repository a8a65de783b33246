package org.quizcard.term;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class RendererTest {
    @Test
    void aLineWiderThanTheTerminalIsCutAtWordsAndItsContinuationsKeepTheIndent() {
        Renderer r = new Renderer(Style.monochrome(), 20);
        List<AttributedString> lines = r.fit(new AttributedString("    one two three four five six seven"));
        assertThat(lines).extracting(AttributedString::toString)
                .containsExactly("    one two three", "    four five six", "    seven");
        assertThat(lines).allSatisfy(l -> assertThat(l.columnLength()).isLessThanOrEqualTo(20));
    }

    @Test
    void stylesSurviveTheCutAndAWordLongerThanALineIsCutWhereTheLineEnds() {
        Renderer r = new Renderer(Style.monochrome(), 10);
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
}
