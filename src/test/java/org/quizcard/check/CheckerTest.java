package org.quizcard.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Fixtures;
import org.quizcard.bank.Question;

class CheckerTest {
    private final Bank bank = Fixtures.demo();

    private Question q(String id) {
        return bank.question("containers/" + id).orElseThrow();
    }

    @Test
    void singleRightAndWrongWithItsMisconception() {
        assertThat(Checker.check(q("shared-kernel"), new Response.Choice(List.of(0))).score()).isEqualTo(1.0);
        Verdict wrong = Checker.check(q("shared-kernel"), new Response.Choice(List.of(2)));
        assertThat(wrong.outcome()).isEqualTo(Verdict.Outcome.WRONG);
        assertThat(wrong.misconceptions()).containsExactly("container-is-lightweight-vm");
    }

    @Test
    void multipleScoresRightPicksMinusWrongPicksOverRightOptions() {
        Question m = q("building-blocks"); // right: 0, 1; wrong: 2 (vm), 3 (kernel)
        assertThat(Checker.check(m, new Response.Choice(List.of(0, 1))).score()).isEqualTo(1.0);
        Verdict half = Checker.check(m, new Response.Choice(List.of(0)));
        assertThat(half.score()).isEqualTo(0.5);
        assertThat(half.outcome()).isEqualTo(Verdict.Outcome.PARTIAL);
        assertThat(half.notes()).containsExactly("Missed: cgroups");
        Verdict mixed = Checker.check(m, new Response.Choice(List.of(0, 1, 2)));
        assertThat(mixed.score()).isEqualTo(0.5);
        assertThat(mixed.misconceptions()).containsExactly("container-is-lightweight-vm");
        // what the misconception cost, said beside it: every right pick made, half a point taken back
        assertThat(mixed.notes()).singleElement().asString().startsWith("Wrong pick (cost 0.50): ");
        Verdict floor = Checker.check(m, new Response.Choice(List.of(0, 2, 3)));
        assertThat(floor.score()).isZero();
        assertThat(floor.misconceptions()).containsExactlyInAnyOrder("container-is-lightweight-vm",
                "container-has-own-kernel");
    }

    @Test
    void trueFalseRevealsTheMisconceptionOfTheWrongSide() {
        assertThat(Checker.check(q("vm-statement"), new Response.Bool(false)).score()).isEqualTo(1.0);
        assertThat(Checker.check(q("vm-statement"), new Response.Bool(true)).misconceptions())
                .containsExactly("container-is-lightweight-vm");
    }

    @Test
    void textIsNormalisedForCaseSpacingAndUnicode() {
        Question t = q("what-is-it");
        assertThat(Checker.check(t, new Response.Typed("  A   Group of PROCESSES ")).score()).isEqualTo(1.0);
        Question.Text accents = new Question.Text(common("cafe"), List.of("caf\u00e9"), null, List.of());
        assertThat(Checker.check(accents, new Response.Typed("cafe\u0301")).score()).isEqualTo(1.0);
    }

    @Test
    void textKnownWrongAnswerRevealsItsMisconception() {
        Verdict v = Checker.check(q("what-is-it"), new Response.Typed("A lightweight VM"));
        assertThat(v.score()).isZero();
        assertThat(v.misconceptions()).containsExactly("container-is-lightweight-vm");
    }

    @Test
    void oneTypoCountsForAnswersOfFiveOrMoreCharactersWithANote() {
        Verdict v = Checker.check(q("what-is-it"), new Response.Typed("procsses"));
        assertThat(v.score()).isEqualTo(1.0);
        assertThat(v.notes()).containsExactly("Accepted with a typo: the spelling is 'processes'.");
        Verdict transposed = Checker.check(q("what-is-it"), new Response.Typed("porcesses"));
        assertThat(transposed.score()).isEqualTo(1.0);
        assertThat(Checker.check(q("what-is-it"), new Response.Typed("prcsses")).score()).isZero();
        Question.Text shortAnswer = new Question.Text(common("short"), List.of("pid"), null, List.of());
        assertThat(Checker.check(shortAnswer, new Response.Typed("pud")).score()).isZero();
    }

    @Test
    void typoOfAKnownWrongAnswerStillRevealsIt() {
        Verdict v = Checker.check(q("what-is-it"), new Response.Typed("a lightweigt vm"));
        assertThat(v.misconceptions()).containsExactly("container-is-lightweight-vm");
    }

    @Test
    void textRegexAcceptsVariants() {
        Question.Text t = new Question.Text(common("re"), List.of(), "^(the )?host('s)? kernel$", List.of());
        assertThat(Checker.check(t, new Response.Typed("The Host's Kernel")).score()).isEqualTo(1.0);
        assertThat(Checker.check(t, new Response.Typed("guest kernel")).score()).isZero();
    }

    @Test
    void numericWithinTolerance() {
        Question.Numeric n = new Question.Numeric(common("n"), 4096, 0, "bytes");
        assertThat(Checker.check(n, new Response.Number(4096)).score()).isEqualTo(1.0);
        assertThat(Checker.check(n, new Response.Number(4095)).score()).isZero();
        Question.Numeric loose = new Question.Numeric(common("n"), 0.9, 0.05, null);
        assertThat(Checker.check(loose, new Response.Number(0.94)).score()).isEqualTo(1.0);
        assertThat(Checker.check(loose, new Response.Number(0.96)).score()).isZero();
    }

    @Test
    void orderScoresTheLongestRunInRightRelativeOrder() {
        Question o = q("start-steps");
        assertThat(Checker.check(o, new Response.Sequence(List.of(0, 1, 2, 3))).score()).isEqualTo(1.0);
        assertThat(Checker.check(o, new Response.Sequence(List.of(1, 0, 2, 3))).score()).isEqualTo(0.75);
        assertThat(Checker.check(o, new Response.Sequence(List.of(3, 0, 1, 2))).score()).isEqualTo(0.75);
        assertThat(Checker.check(o, new Response.Sequence(List.of(3, 2, 1, 0))).score()).isEqualTo(0.25);
    }

    @Test
    void matchScoresTheShareOfCorrectPairs() {
        Question m = q("feature-roles");
        assertThat(Checker.check(m, new Response.Pairs(Map.of(0, 0, 1, 1, 2, 2))).score()).isEqualTo(1.0);
        Verdict v = Checker.check(m, new Response.Pairs(Map.of(0, 1, 1, 0, 2, 2)));
        assertThat(v.score()).isEqualTo(1.0 / 3);
        assertThat(v.notes()).hasSize(2).first().asString()
                .isEqualTo("namespaces → what a process can see (not what a process can use)");
    }

    @Test
    void clozeScoresTheShareOfCorrectBlanksAndRevealsPerBlank() {
        Question c = q("see-and-use");
        assertThat(Checker.check(c, new Response.Blanks(List.of("use", "see"))).score()).isEqualTo(1.0);
        Verdict v = Checker.check(c, new Response.Blanks(List.of("use", "use")));
        assertThat(v.score()).isEqualTo(0.5);
        assertThat(v.misconceptions()).containsExactly("container-has-own-kernel");
        assertThat(v.notes()).containsExactly("Blank 2: 'use' should be 'see'.");
    }

    @Test
    void flashcardScoreFollowsTheSelfRating() {
        Question f = q("oci");
        assertThat(Checker.check(f, new Response.SelfRating(1)).score()).isZero();
        assertThat(Checker.check(f, new Response.SelfRating(2)).outcome()).isEqualTo(Verdict.Outcome.PARTIAL);
        assertThat(Checker.check(f, new Response.SelfRating(4)).score()).isEqualTo(1.0);
    }

    @Test
    void aResponseOfTheWrongKindIsRefused() {
        assertThatThrownBy(() -> Checker.check(q("oci"), new Response.Typed("x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Checker.check(q("shared-kernel"), new Response.Choice(List.of(7))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Question.Common common(String id) {
        return new Question.Common("c", id, "p", "e", null, List.of(), List.of(), null);
    }
}
