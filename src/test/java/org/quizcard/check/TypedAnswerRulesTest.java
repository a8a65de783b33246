package org.quizcard.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quizcard.bank.Question;

/** The rules that decide typed and numeric answers: what is normalised, what is a typo, how units convert. */
class TypedAnswerRulesTest {
    private static Question.Text text(List<String> accepted, String... wrong) {
        List<Question.WrongAnswer> known = java.util.Arrays.stream(wrong)
                .map(w -> new Question.WrongAnswer(w, "m", null)).toList();
        return new Question.Text(CheckerTest.common("t"), accepted, null, known);
    }

    private static Verdict typed(Question q, String answer) {
        return Checker.check(q, new Response.Typed(answer));
    }

    private static Verdict number(double answer, String unit, String typed) {
        return Checker.check(new Question.Numeric(CheckerTest.common("n"), answer, 0, unit), new Response.Number(typed));
    }

    @Test
    void punctuationCaseSpacingArticlesHyphensAndPluralsAreNotTypos() {
        Question.Text t = text(List.of("processes", "copy-on-write", "/dev/fuse"));
        for (String same : List.of("processes.", "\"Processes\"", "  the processes!", "process", "copy on write",
                "Copy-On-Write", "`/dev/fuse`")) {
            Verdict v = typed(t, same);
            assertThat(v.score()).as(same).isEqualTo(1.0);
            assertThat(v.notes()).as(same).isEmpty();
        }
    }

    @Test
    void aTypoInALongWordIsForgivenWithTheSpelling() {
        Verdict v = typed(text(List.of("dynamic binary translation")), "dynamic binary transaltion");
        assertThat(v.score()).isEqualTo(1.0);
        assertThat(v.notes()).containsExactly("Accepted with a typo: the spelling is 'dynamic binary translation'.");
    }

    @Test
    void aDifferentNumberIsNeverATypo() {
        Question.Text ring = text(List.of("ring 0"));
        for (String other : List.of("ring 3", "ring 1")) {
            Verdict v = typed(ring, other);
            assertThat(v.score()).as(other).isZero();
            assertThat(v.notes()).containsExactly("Not accepted: '" + other + "' differs from 'ring 0' in a number, "
                    + "and a different number is never a typo.");
        }
        assertThat(typed(text(List.of("x86-64")), "x86-46").score()).isZero();
    }

    @Test
    void aShortWordMustBeSpelledExactly() {
        Verdict v = typed(text(List.of("/dev/fuse")), "/dev/cuse");
        assertThat(v.score()).isZero();
        assertThat(v.notes()).containsExactly("Not accepted: '/dev/cuse' is not '/dev/fuse'; words under 5 letters "
                + "must be spelled exactly.");
    }

    @Test
    void anotherKnownTermIsNotATypo() {
        Verdict v = typed(text(List.of("stage", "staged build")), "staged");
        assertThat(v.score()).isZero();
        assertThat(v.notes()).containsExactly("Not accepted: 'staged' is another term, not a misspelling of 'stage'.");
    }

    @Test
    void aTypoThatLandsAsNearAListedWrongAnswerIsNotForgiven() {
        Question.Text t = text(List.of("memory.high"), "memory.hugh");
        Verdict v = typed(t, "memory.higg");
        assertThat(v.score()).isZero();
        assertThat(typed(t, "memory.hugh").misconceptions()).containsExactly("m");
    }

    @Test
    void onlyPunctuationInsideAnAnswerDiffering() {
        Verdict v = typed(text(List.of("cpu.max")), "cpu max");
        assertThat(v.score()).isEqualTo(1.0);
        assertThat(v.notes()).containsExactly("Accepted with a typo: the spelling is 'cpu.max'.");
    }

    @Test
    void aPatternThatWouldBacktrackForeverAnswersAtOnce() {
        Question.Text t = new Question.Text(CheckerTest.common("re"), List.of(), "(.*a){25}", List.of());
        String answer = "a".repeat(35) + "b";
        Verdict v = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> typed(t, answer));
        assertThat(v.score()).isZero();
        assertThat(typed(t, "a".repeat(25)).score()).isEqualTo(1.0);
    }

    @Test
    void numbersInDecimalHexPowersAndWithSeparators() {
        for (String same : List.of("4096", "4,096", "4_096", "0x1000", "2^12", "2**12", "4096.0", "4.096e3", "~4096")) {
            assertThat(number(4096, null, same).score()).as(same).isEqualTo(1.0);
        }
        assertThat(number(4096, null, "4097").score()).isZero();
    }

    @Test
    void unitsConvertWithinTheirDimension() {
        Verdict kib = number(4096, "bytes", "4 KiB");
        assertThat(kib.score()).isEqualTo(1.0);
        assertThat(kib.notes()).containsExactly("Read as 4096 bytes.");
        assertThat(number(4096, "bytes", "4096 B").notes()).containsExactly("Read as 4096 bytes.");
        assertThat(number(4096, "bytes", "4096 bytes").notes()).isEmpty();
        assertThat(number(4096, "bytes", "4 KB").score()).isZero();
        assertThat(number(128, "TiB", "131072 GiB").score()).isEqualTo(1.0);
        Verdict gb = number(128, "TiB", "128 GB");
        assertThat(gb.score()).isZero();
        assertThat(gb.notes()).containsExactly("Read as 0.1164 TiB.");
        assertThat(number(12, "bits", "12 KiB").score()).isZero();
        assertThat(number(12, "bits", "12 bits").score()).isEqualTo(1.0);
        assertThat(number(100, "ms", "0.1 s").score()).isEqualTo(1.0);
    }

    @Test
    void percentagesTakeFractions() {
        for (String same : List.of("75", "75%", "75 %", "75 percent", "3/4")) {
            assertThat(number(75, "%", same).score()).as(same).isEqualTo(1.0);
        }
        assertThat(number(75, "%", "0.75").score()).isZero();
    }

    @Test
    void aCountUnitIsItsOwnWordInTheSingularOrPlural() {
        assertThat(number(2, "CPUs", "2 CPUs").score()).isEqualTo(1.0);
        assertThat(number(2, "CPUs", "2 cpu").score()).isEqualTo(1.0);
        Verdict cores = number(2, "CPUs", "2 cores");
        assertThat(cores.score()).isZero();
        assertThat(cores.notes()).containsExactly("The answer is a number of CPUs; 'cores' is not that unit.");
        assertThat(number(1, null, "1 kernel").score()).isEqualTo(1.0);
        assertThat(number(1, "kernels", "1 Linux kernel").score()).isEqualTo(1.0);
        assertThat(number(1, "kernels", "1 guest VM").score()).isZero();
    }

    @Test
    void anotherDimensionOrTwoNumbersAreWrongWithANote() {
        Verdict dimension = number(4096, "bytes", "4096 ms");
        assertThat(dimension.score()).isZero();
        assertThat(dimension.notes()).containsExactly("The answer is in bytes (data); 'ms' measures time.");
        Verdict plain = number(1, null, "1 GiB");
        assertThat(plain.notes()).containsExactly("The answer is a plain number; 'GiB' measures data.");
        Verdict two = number(137, null, "137 or 138");
        assertThat(two.score()).isZero();
        assertThat(two.notes()).containsExactly("Give one number: '137 or 138' has more than one.");
    }

    @Test
    void aWordOfTheQuestionMayLabelTheNumberAndNumbersMayBeSpelledOut() {
        Question.Numeric ring = new Question.Numeric(new Question.Common("c", "r", "In which ring does user code run?", "e",
                null, List.of(), List.of(), null), 3, 0, null);
        assertThat(Checker.check(ring, new Response.Number("ring 3")).score()).isEqualTo(1.0);
        assertThat(Checker.check(ring, new Response.Number("three")).score()).isEqualTo(1.0);
        assertThat(ResponseParser.parse(ring, null, "not 3").isValid()).as("a negation is no label").isFalse();
        assertThat(ResponseParser.parse(ring, null, "level 3").isValid()).as("a word the question lacks").isFalse();
        assertThat(number(48, "bits", "forty-eight").score()).isEqualTo(1.0);
        assertThat(number(24, null, "twenty-four").score()).isEqualTo(1.0);
        assertThat(ResponseParser.parse(ring, null, "3 (the least privileged)").hint())
                .isEqualTo("Type the number alone, without a remark (a unit after it is fine).");
    }

    @Test
    void typedTextThatIsNoNumberAsksAgain() {
        Question.Numeric n = new Question.Numeric(CheckerTest.common("n"), 3, 0, null);
        assertThat(ResponseParser.parse(n, null, "ring three").isValid()).isFalse();
        assertThat(ResponseParser.parse(n, null, "137 or 138").isValid()).isTrue();
        assertThat(ResponseParser.parse(n, null, "x".repeat(ResponseParser.MAX_ANSWER_LENGTH + 1)).hint())
                .isEqualTo("An answer is at most 500 characters.");
    }
}
