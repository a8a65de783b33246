package org.quizcard.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Fixtures;
import org.quizcard.bank.Question;

class ResponseParserTest {
    private final Bank bank = Fixtures.demo();

    private Question q(String id) {
        return bank.question("containers/" + id).orElseThrow();
    }

    @Test
    void singleTakesADigitOrALetterOfTheShownOrder() {
        Presentation shown = new Presentation(List.of(2, 0, 1));
        assertThat(ResponseParser.parse(q("shared-kernel"), shown, "2").response())
                .isEqualTo(new Response.Choice(List.of(0)));
        assertThat(ResponseParser.parse(q("shared-kernel"), shown, "A").response())
                .isEqualTo(new Response.Choice(List.of(2)));
        assertThat(ResponseParser.parse(q("shared-kernel"), shown, "4").hint()).isEqualTo("Pick one option (1-3 or a-c).");
        assertThat(ResponseParser.parse(q("shared-kernel"), shown, "").isValid()).isFalse();
    }

    @Test
    void multipleTakesSeveralPicksInAnySpelling() {
        Presentation shown = Presentation.identity(q("building-blocks"));
        for (String input : List.of("1 2", "1,2", "ab", "a b", "2 1 1")) {
            assertThat(ResponseParser.parse(q("building-blocks"), shown, input).response()).as(input)
                    .isEqualTo(new Response.Choice(input.startsWith("2") ? List.of(1, 0) : List.of(0, 1)));
        }
        assertThat(ResponseParser.parse(q("building-blocks"), shown, "1 9").isValid()).isFalse();
    }

    @Test
    void trueFalseAcceptsNumbersAndWords() {
        Presentation shown = Presentation.identity(q("vm-statement"));
        assertThat(ResponseParser.parse(q("vm-statement"), shown, "f").response()).isEqualTo(new Response.Bool(false));
        assertThat(ResponseParser.parse(q("vm-statement"), shown, "1").response()).isEqualTo(new Response.Bool(true));
        assertThat(ResponseParser.parse(q("vm-statement"), shown, "maybe").isValid()).isFalse();
    }

    @Test
    void numericToleratesUnitsAndThousandsSeparators() {
        Question n = q("kernels-count");
        Presentation none = Presentation.identity(n);
        assertThat(ResponseParser.parse(n, none, "1 kernel").response()).isEqualTo(new Response.Number("1 kernel"));
        assertThat(ResponseParser.parse(n, none, "4,096 bytes").response()).isEqualTo(new Response.Number("4,096 bytes"));
        assertThat(ResponseParser.parse(n, none, "-2.5e3").response()).isEqualTo(new Response.Number("-2.5e3"));
        assertThat(ResponseParser.parse(n, none, "one").response()).isEqualTo(new Response.Number("one"));
        assertThat(ResponseParser.parse(n, none, "some").isValid()).isFalse();
        assertThat(ResponseParser.parse(n, none, "1.2.3").isValid()).isFalse();
    }

    @Test
    void orderMapsShownNumbersToBankItems() {
        Presentation shown = new Presentation(List.of(3, 1, 0, 2));
        assertThat(ResponseParser.parse(q("start-steps"), shown, "3 2 4 1").response())
                .isEqualTo(new Response.Sequence(List.of(0, 1, 2, 3)));
        assertThat(ResponseParser.parse(q("start-steps"), shown, "3 2 4").isValid()).isFalse();
        assertThat(ResponseParser.parse(q("start-steps"), shown, "3 3 4 1").isValid()).isFalse();
    }

    @Test
    void matchTakesPairsOfNumberAndLetter() {
        Presentation rights = new Presentation(List.of(1, 2, 0));
        assertThat(ResponseParser.parse(q("feature-roles"), rights, "1c 2a 3b").response())
                .isEqualTo(new Response.Pairs(Map.of(0, 0, 1, 1, 2, 2)));
        assertThat(ResponseParser.parse(q("feature-roles"), rights, "1-c, 2:a 3b").isValid()).isTrue();
        assertThat(ResponseParser.parse(q("feature-roles"), rights, "1c 2c 3b").isValid()).isFalse();
        assertThat(ResponseParser.parse(q("feature-roles"), rights, "1c 2a").isValid()).isFalse();
        assertThat(ResponseParser.parse(q("feature-roles"), rights, "1c 2a 3b junk").isValid()).isFalse();
    }

    @Test
    void ratingsAreOneToFour() {
        assertThat(ResponseParser.rating("3").response()).isEqualTo(new Response.SelfRating(3));
        assertThat(ResponseParser.rating("5").hint()).startsWith("Rate your recall");
    }

    @Test
    void shuffledPresentationsAreReproducibleAndOrderIsNeverShownSolved() {
        Question o = q("start-steps");
        var a = Presentation.shuffled(o, new java.util.SplittableRandom(7));
        var b = Presentation.shuffled(o, new java.util.SplittableRandom(7));
        assertThat(a).isEqualTo(b);
        for (int seed = 0; seed < 200; seed++) {
            assertThat(Presentation.shuffled(o, new java.util.SplittableRandom(seed)).order())
                    .isNotEqualTo(List.of(0, 1, 2, 3));
        }
    }
}
