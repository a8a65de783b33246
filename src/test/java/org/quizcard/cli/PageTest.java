package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Command output laid out to a width: hanging indents, their fallback, items kept whole, and no layout at width 0. */
class PageTest {
    private static final String SENTENCE = "Wrong: a standard container image holds a userland but no kernel, and its "
            + "processes run on the host's one kernel.";

    private static String laidOut(int width, Consumer<Page> print) {
        StringWriter out = new StringWriter();
        print.accept(new Page(new PrintWriter(out, true), width));
        return out.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void continuationLinesHangUnderTheTextAfterTheLead() {
        String text = laidOut(40, p -> p.println("  Correct: ", SENTENCE));
        assertThat(text).isEqualTo("""
                  Correct: Wrong: a standard container
                           image holds a userland but no
                           kernel, and its processes run
                           on the host's one kernel.
                """);
    }

    @Test
    void aLeadLeavingTooLittleRoomContinuesFourColumnsPastItsMargin() {
        String lead = "  container-runtime-is-hypervisor  ";
        String text = laidOut(40, p -> p.println(lead, "revealed 790×, cleared on 0 of 2 days"));
        assertThat(text).isEqualTo("""
                  container-runtime-is-hypervisor
                      revealed 790×, cleared on 0 of 2
                      days
                """);
    }

    @Test
    void aLineContinuesUnderItsOwnLeadingSpacesAndEachParagraphUnderItsOwn() {
        String text = laidOut(30, p -> p.println("    one two three four five six seven\nalpha beta gamma delta epsilon zeta"));
        assertThat(text).isEqualTo("""
                    one two three four five
                    six seven
                alpha beta gamma delta epsilon
                zeta
                """);
    }

    @Test
    void itemsStayWholeAndALineEndsWithTheSeparatorsMark() {
        List<String> types = List.of("single 7", "multiple 1", "truefalse 4", "text 2", "numeric 2", "order 1",
                "match 1", "cloze 1", "flashcard 2");
        String text = laidOut(40, p -> p.items("cgroups                   21  ", ", ", types));
        assertThat(text).isEqualTo("""
                cgroups                   21  single 7,
                    multiple 1, truefalse 4, text 2,
                    numeric 2, order 1, match 1,
                    cloze 1, flashcard 2
                """);
        assertThat(laidOut(40, p -> p.items("   ", List.of("Reviews today: 251", "Streak: 1096 days", "Reviews in all: 1000000"))))
                .isEqualTo("Reviews today: 251   Streak: 1096 days\nReviews in all: 1000000\n");
    }

    @Test
    void aWordLongerThanALineIsCutAndNoLineIsLongerThanTheWidth() {
        String text = laidOut(20, p -> p.println("Also accepts: ", "/" + "a|b".repeat(20) + "/"));
        assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(20));
        assertThat(text.replaceAll("\\s+", "")).isEqualTo("Alsoaccepts:/" + "a|b".repeat(20) + "/");
    }

    @Test
    void atWidthZeroEveryLineIsPrintedAsItIs() {
        String text = laidOut(0, p -> {
            p.println("  Correct: ", SENTENCE);
            p.println("  x  ");
            p.items("lead  ", ", ", List.of("a", "b"));
        });
        assertThat(text).isEqualTo("  Correct: " + SENTENCE + "\n  x  \nlead  a, b\n");
    }

    @Test
    void aTerminalNarrowerThanTheLeastWidthIsLaidOutToIt() {
        String text = laidOut(8, p -> p.println(SENTENCE));
        assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(Page.MIN_WIDTH));
        assertThat(text.lines().count()).isGreaterThan(1);
    }
}
