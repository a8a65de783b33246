package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quizcard.bank.Fixtures;

class QuizCommandTest {
    private final String demo = Fixtures.demoDir().toString();

    @Test
    void aScriptedPlainSessionEndsWithASummary() {
        CliRunner.Run run = new CliRunner().stdin("2\n1 3\n").run("quiz", "--plain", "--seed", "1", "--count", "2");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Question 1 of 2", "Session summary");
        assertThat(run.out()).doesNotContain("\u001b");
    }

    @Test
    void sameSeedSameSession() {
        CliRunner.Run a = new CliRunner().stdin("1\n1\n1\n").run("quiz", "--seed", "42", "--count", "3");
        CliRunner.Run b = new CliRunner().stdin("1\n1\n1\n").run("quiz", "--seed", "42", "--count", "3");
        assertThat(a.out()).isEqualTo(b.out());
    }

    @Test
    void aLearnerAnsweringBadlySeesRefutationsAndTheSummaryListsThem() {
        // vm-statement (tag vm) is a true/false statement whose wrong side, true, reveals a misconception
        CliRunner.Run run = new CliRunner().stdin("1\n").run("quiz", "--bank", demo, "--tag", "vm");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("✗ Wrong", "You picked: 1/a True",
                "┃ Misconception: \u201cA container is a lightweight virtual machine.",
                "Why it seems right: ", "What is true: ",
                "Misconceptions this session revealed", "Practise next: containers");
        // the verdict is said once
        assertThat(run.out()).doesNotContain("That belief is wrong.");
    }

    @Test
    void endOfInputEndsLikeQuitWithExitZero() {
        CliRunner.Run run = new CliRunner().stdin("").run("quiz", "--bank", demo, "--count", "5");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Session summary", "Answered 0 of 5");
    }

    @Test
    void unknownConceptIsBadInput() {
        CliRunner.Run run = new CliRunner().run("quiz", "--bank", demo, "--concept", "nope");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("quizcard quiz: unknown concept 'nope' (known: containers)\n");
    }

    @Test
    void countMustBePositive() {
        assertThat(new CliRunner().run("quiz", "--count", "0").exit()).isEqualTo(2);
    }
}
