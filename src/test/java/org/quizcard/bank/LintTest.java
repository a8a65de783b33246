package org.quizcard.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LintTest {
    private static final String HEAD = "id: c\ntitle: C\nsummary: s\nsources: [x]\nquestions:\n";

    /** Problems of a concept file {@code c.yaml} checked against the demo catalogue. */
    private static List<String> lint(String questions) {
        var loaded = Fixtures.load("c.yaml", HEAD + questions, "misconceptions.yaml", Fixtures.demoMisconceptions());
        return loaded.problems().stream().map(Problem::format)
                .filter(p -> !p.contains("is probed by no question")).toList();
    }

    private static String single(String id, String... options) {
        StringBuilder b = new StringBuilder("  - id: " + id + "\n    type: single\n    prompt: p\n    explanation: e\n"
                + "    options:\n");
        for (String o : options) b.append("      - ").append(o).append('\n');
        return b.toString();
    }

    @Test
    void theDemoBankIsClean() {
        assertThat(BankLoader.load(BankFile.inDirectory(Fixtures.demoDir())).problems()).isEmpty();
    }

    @Test
    void duplicateQuestionIds() {
        String q = "  - id: q\n    type: flashcard\n    prompt: p\n    back: b\n    explanation: e\n";
        assertThat(lint(q + q)).containsExactly("c.yaml:11:5: duplicate question id 'q' (first at line 6)");
    }

    @Test
    void singleWithoutRightOption() {
        assertThat(lint(single("q", "{text: a, misconception: container-has-own-kernel}",
                "{text: b, misconception: container-has-own-kernel}")))
                .containsExactly("c.yaml:6:5: question 'q' has no right option (mark one with 'correct: true')");
    }

    @Test
    void singleWithTwoRightOptionsIsAmbiguous() {
        assertThat(lint(single("q", "{text: a, correct: true}", "{text: b, correct: true}")))
                .containsExactly("c.yaml:6:5: question 'q' is ambiguous: 2 options are marked correct in a "
                        + "single-choice question");
    }

    @Test
    void fewerThanTwoOptions() {
        assertThat(lint(single("q", "{text: a, correct: true}")))
                .containsExactly("c.yaml:6:5: question 'q' has fewer than 2 options");
    }

    @Test
    void unknownMisconceptionIsAnError() {
        assertThat(lint(single("q", "{text: a, correct: true}", "{text: b, misconception: no-such-thing}")))
                .containsExactly("c.yaml:12:9: unknown misconception 'no-such-thing'");
    }

    @Test
    void wrongOptionWithoutMisconceptionIsAWarning() {
        var problems = Fixtures.load("c.yaml", HEAD + single("q", "{text: a, correct: true}", "{text: b}"),
                "misconceptions.yaml", Fixtures.demoMisconceptions()).problems();
        assertThat(problems).filteredOn(p -> !p.isError()).extracting(Problem::format)
                .containsExactly("c.yaml:12:9: warning: question 'q': wrong option 'b' names no misconception [no-misconception]");
    }

    @Test
    void misconceptionsNoQuestionProbesAreErrors() {
        var loaded = Fixtures.load("c.yaml", HEAD + "  - id: q\n    type: truefalse\n    prompt: p\n"
                + "    answer: true\n    misconception: container-has-own-kernel\n    explanation: e\n",
                "misconceptions.yaml", Fixtures.demoMisconceptions());
        assertThat(loaded.errors()).extracting(Problem::format).containsExactly(
                "misconceptions.yaml:3:5: misconception 'container-is-lightweight-vm' is probed by no question");
    }

    @Test
    void emptyExplanation() {
        assertThat(lint("  - id: q\n    type: flashcard\n    prompt: p\n    back: b\n    explanation: ''\n"))
                .containsExactly("c.yaml:10:18: 'explanation' is empty");
    }

    @Test
    void clozeBlanksMustMatchTheTextAndHaveAnswers() {
        assertThat(lint("  - id: q\n    type: cloze\n    prompt: p\n    text: a ___ b ___\n    blanks:\n"
                + "      - answers: [x]\n    explanation: e\n"))
                .containsExactly("c.yaml:6:5: question 'q': the text has 2 blanks but 1 are described");
        assertThat(lint("  - id: q\n    type: cloze\n    prompt: p\n    text: a ___ b\n    blanks:\n"
                + "      - wrong: [{answer: y, misconception: container-has-own-kernel}]\n    explanation: e\n"))
                .containsExactly("c.yaml:11:9: blank 1 of question 'q' has no answers");
    }

    @Test
    void negativeTolerance() {
        assertThat(lint("  - id: q\n    type: numeric\n    prompt: p\n    answer: 3\n    tolerance: -0.5\n"
                + "    explanation: e\n"))
                .containsExactly("c.yaml:6:5: question 'q': tolerance must not be negative");
    }

    @Test
    void invalidRegexAndAnswersBothRightAndWrong() {
        assertThat(lint("  - id: q\n    type: text\n    prompt: p\n    answers: [Yes]\n    regex: '(['\n"
                + "    wrong:\n      - {answer: ' yes ', misconception: container-has-own-kernel}\n"
                + "    explanation: e\n"))
                .containsExactly("c.yaml:6:5: question 'q': invalid regex (missing closing ]; lookaround and "
                                + "backreferences are not supported)",
                        "c.yaml:12:9: 'yes' of question 'q' is both accepted and wrong");
    }

    @Test
    void conceptIdMustMatchFileName() {
        var loaded = Fixtures.load("other.yaml", HEAD + "  []\n");
        assertThat(loaded.problems()).extracting(Problem::format)
                .containsExactly("other.yaml:1:1: concept id 'c' must match the file name 'other.yaml'");
    }

    @Test
    void rightOptionLongestTooOftenIsAWarning() {
        String q1 = single("q1", "{text: the long right answer, correct: true}", "{text: not this one, misconception: container-has-own-kernel}");
        String q2 = single("q2", "{text: the long right answer, correct: true}", "{text: not this one, misconception: container-has-own-kernel}");
        String q3 = single("q3", "{text: short, correct: true}", "{text: a much longer wrong option, misconception: container-has-own-kernel}");
        var loaded = Fixtures.load("c.yaml", HEAD + q1 + q2 + q3, "misconceptions.yaml", Fixtures.demoMisconceptions());
        assertThat(loaded.problems()).filteredOn(p -> !p.isError()).extracting(Problem::format).containsExactly(
                "c.yaml:1:1: warning: concept 'c': the right option is the longest in 2 of 3 single-choice "
                        + "questions (at most 40% keeps length from giving answers away) [key-often-longest]");
        String q4 = single("q4", "{text: short, correct: true}", "{text: a much longer wrong option, misconception: container-has-own-kernel}");
        String q5 = single("q5", "{text: short, correct: true}", "{text: a much longer wrong option, misconception: container-has-own-kernel}");
        var balanced = Fixtures.load("c.yaml", HEAD + q1 + q2 + q3 + q4 + q5, "misconceptions.yaml", Fixtures.demoMisconceptions());
        assertThat(balanced.problems()).filteredOn(p -> !p.isError())
                .as("2 of 5 is 40%, the most allowed").isEmpty();
    }

    @Test
    void aLargeBankIsCheckedConceptByConceptInOrder() {
        List<Concept> concepts = new ArrayList<>();
        for (int c = 0; c < 4; c++) concepts.add(generatedConcept("c" + c, Lint.PARALLEL_MIN_QUESTIONS / 3));
        concepts.add(generatedConcept("c1", 3));
        Map<String, Misconception> catalogue = Map.of("m", new Misconception("m", "claim", "seems", "fix",
                List.of(), List.of(), new Position("misconceptions.yaml", 2, 5)));
        Bank large = new Bank(concepts, catalogue);

        List<Problem> expected = new ArrayList<>();
        for (int i = 0; i < concepts.size(); i++) {
            if (i == 4) {
                expected.add(Problem.error(concepts.get(i).where(), "duplicate concept id 'c1' (also in c1.yaml)"));
            }
            expected.addAll(Lint.check(new Bank(List.of(concepts.get(i)), catalogue), false));
        }

        assertThat(Lint.check(large, false)).containsExactlyElementsOf(expected);
        assertThat(expected).hasSizeGreaterThan(4 * Lint.PARALLEL_MIN_QUESTIONS / 3);
    }

    /**
     * A concept whose questions all have problems, of several kinds: repeated ids and options,
     * unknown misconceptions, wrong options that name none. Small ones live in another directory.
     */
    private static Concept generatedConcept(String id, int questions) {
        String file = questions > 3 ? id + ".yaml" : "more/" + id + ".yaml";
        int firstLine = questions > 3 ? 10 : 4;
        List<Question> list = new ArrayList<>();
        for (int i = 0; i < questions; i++) {
            Position where = new Position(file, firstLine + 10 * i, 5);
            Question.Common common = new Question.Common(id, "q" + (i % 50 == 49 ? 0 : i), "prompt", "explanation",
                    null, List.of(), List.of(), where);
            list.add(new Question.Single(common, List.of(
                    new Question.Option("Right " + i, true, null, where),
                    new Question.Option("wrong " + i, false, i % 3 == 0 ? "m" : i % 3 == 1 ? "nope" : null, where),
                    new Question.Option("right  " + i, false, "m", where))));
        }
        return new Concept(id, id, "", List.of(), list, new Position(file, questions > 3 ? 1 : 4, 1));
    }
}
