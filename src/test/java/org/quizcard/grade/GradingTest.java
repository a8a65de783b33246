package org.quizcard.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;
import org.quizcard.bank.BankFile;
import org.quizcard.bank.BankLoader;
import org.quizcard.bank.Fixtures;
import org.quizcard.bank.Question;
import org.quizcard.check.Response;
import org.quizcard.check.ResponseText;
import org.quizcard.study.RightAnswers;
import org.w3c.dom.Document;

class GradingTest {
    @TempDir
    Path dir;

    private final Bank shipped = BankLoader.load(BankFile.shipped()).orThrow();
    private final Bank demo = Fixtures.demo();

    private Assignment assignment(String feedback, String extra) throws Exception {
        Path file = dir.resolve("assignment-" + feedback + ".yaml");
        Files.writeString(file, "id: week-1\ntitle: Week 1\ndraw:\n  - concept: containers\n    count: 4\n    points: 2\n"
                + "  - concept: namespaces\n    count: 3\npass:\n  overall: 0.6\n  concepts:\n    containers: 0.5\n"
                + "feedback: " + feedback + "\n" + extra);
        return AssignmentReader.read(file);
    }

    /** An answers file for {@code v} where the questions at the given positions are answered right. */
    private Path answers(Variant v, java.util.function.IntPredicate right, String name) throws Exception {
        Map<String, List<String>> given = new HashMap<>();
        for (int i = 0; i < v.items().size(); i++) {
            Variant.Item item = v.items().get(i);
            Question q = item.question();
            Response r = right.test(i) ? RightAnswers.of(q) : WrongAnswers.of(q);
            given.put(q.ref(), r instanceof Response.Blanks b ? b.blanks()
                    : List.of(ResponseText.format(q, item.presentation(), r)));
        }
        Path file = dir.resolve(name);
        Files.writeString(file, AnswersFile.write(v, given));
        return file;
    }

    @Test
    void variantsDifferBetweenStudentsAndAreReproducible() throws Exception {
        Assignment a = assignment("score", "");
        Variant alice = Variant.of(a, shipped, "alice");
        assertThat(Variant.of(a, shipped, "alice")).isEqualTo(alice);
        assertThat(alice.items()).hasSize(7);
        assertThat(alice.points()).isEqualTo(11.0);
        Variant bob = Variant.of(a, shipped, "bob");
        assertThat(bob.items().stream().map(i -> i.question().ref()).toList())
                .isNotEqualTo(alice.items().stream().map(i -> i.question().ref()).toList());
        assertThat(alice.items()).noneMatch(i -> i.question() instanceof Question.Flashcard);
    }

    @Test
    void theSeedIsTheFirstEightBytesOfSha256SoItIsTheSameEverywhere() {
        // the first 8 bytes of SHA-256("week-1\nalice"), big-endian, as computed by any SHA-256 tool;
        // pinning them keeps every student's variant stable across releases and machines
        assertThat(Variant.seed("week-1", "alice")).isEqualTo(6769501784745167675L);
    }

    @Test
    void allRightPassesAllWrongFailsAndPartialCreditCounts() throws Exception {
        Assignment a = assignment("score", "");
        Variant v = Variant.of(a, shipped, "alice");
        Result pass = Grader.grade(v, AnswersFile.read(answers(v, i -> true, "pass.yaml")));
        assertThat(pass.passed()).isTrue();
        assertThat(pass.earned()).isEqualTo(11.0);
        Result fail = Grader.grade(v, AnswersFile.read(answers(v, i -> false, "fail.yaml")));
        assertThat(fail.passed()).isFalse();
        assertThat(fail.earned()).isLessThan(3.0);
        Result partial = Grader.grade(v, AnswersFile.read(answers(v, i -> i % 2 == 0, "partial.yaml")));
        assertThat(partial.earned()).isBetween(fail.earned(), pass.earned());
    }

    @Test
    void gradingIsDeterministicByteForByte() throws Exception {
        Assignment a = assignment("full", "gates: [container-is-lightweight-vm]\n");
        Variant v = Variant.of(a, shipped, "alice");
        Path file = answers(v, i -> i % 3 == 0, "answers.yaml");
        Reports one = new Reports(Grader.grade(v, AnswersFile.read(file)), shipped);
        Reports two = new Reports(Grader.grade(Variant.of(a, shipped, "alice"), AnswersFile.read(file)), shipped);
        assertThat(one.json()).isEqualTo(two.json());
        assertThat(one.junit()).isEqualTo(two.junit());
        assertThat(one.markdown()).isEqualTo(two.markdown());
        assertThat(one.annotations()).isEqualTo(two.annotations());
        assertThat(one.classroomOutput()).isEqualTo(two.classroomOutput());
    }

    @Test
    void junitIsWellFormedWithOneTestcasePerQuestion() throws Exception {
        Assignment a = assignment("misconceptions", "");
        Variant v = Variant.of(a, shipped, "alice");
        Result r = Grader.grade(v, AnswersFile.read(answers(v, i -> i < 2, "answers.yaml")));
        String xml = new Reports(r, shipped).junit();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        var cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(v.items().size() + 1);
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(v.items().size() - 2 + (r.passed() ? 0 : 1));
        assertThat(((org.w3c.dom.Element) cases.item(1)).getAttribute("classname")).isEqualTo("containers");
    }

    @Test
    void levelsNoneAndScoreNeverRevealRightAnswersInAnyOutput() throws Exception {
        for (String level : List.of("none", "score")) {
            Assignment a = assignment(level, "");
            Variant v = Variant.of(a, shipped, "alice");
            Result r = Grader.grade(v, AnswersFile.read(answers(v, i -> false, level + ".yaml")));
            Reports reports = new Reports(r, shipped);
            String all = reports.json() + reports.junit() + reports.markdown() + reports.annotations()
                    + new String(java.util.Base64.getDecoder().decode(reports.classroomOutput().strip().substring(7)),
                            java.nio.charset.StandardCharsets.UTF_8);
            for (Variant.Item item : v.items()) {
                Question q = item.question();
                for (String secret : RightAnswers.secrets(q)) {
                    assertThat(all).as(level + " " + q.ref()).doesNotContain(secret);
                }
                assertThat(all).doesNotContain(q.common().explanation());
            }
            assertThat(all).doesNotContain("Misconception:");
        }
    }

    @Test
    void fullFeedbackShowsAnswersAndMisconceptions() throws Exception {
        Assignment a = assignment("full", "");
        Variant v = Variant.of(a, shipped, "alice");
        Result r = Grader.grade(v, AnswersFile.read(answers(v, i -> false, "full.yaml")));
        String junit = new Reports(r, shipped).junit();
        assertThat(junit).contains("Answer: ", "Why: ");
    }

    @Test
    void gatesFailTheAssignmentWhenTheirMisconceptionIsRevealed() throws Exception {
        Path file = dir.resolve("gate.yaml");
        Files.writeString(file, "id: gate\ntitle: Gate\ndraw:\n  - tag: vm\npass:\n  overall: 0\n"
                + "gates: [container-is-lightweight-vm]\nfeedback: misconceptions\n");
        Assignment a = AssignmentReader.read(file);
        Variant v = Variant.of(a, demo, "alice");
        Path wrong = dir.resolve("wrong.yaml");
        Files.writeString(wrong, "assignment: gate\nstudent: alice\nanswers:\n  containers/vm-statement: true\n");
        Result r = Grader.grade(v, AnswersFile.read(wrong));
        assertThat(r.gates()).containsExactly(new Result.Gate("container-is-lightweight-vm", true));
        assertThat(r.passed()).isFalse();
        assertThat(new Reports(r, demo).markdown()).contains("Failed the gate on: `container-is-lightweight-vm`",
                "A container is a lightweight virtual machine.");
    }

    @Test
    void answersOutsideTheVariantAndUnreadableResponsesAreBadInputWithLines() throws Exception {
        Path file = dir.resolve("gate.yaml");
        Files.writeString(file, "id: gate\ntitle: Gate\ndraw:\n  - tag: vm\n");
        Variant v = Variant.of(AssignmentReader.read(file), demo, "alice");
        Path answers = dir.resolve("a.yaml");
        Files.writeString(answers, "assignment: gate\nstudent: alice\nanswers:\n  containers/vm-statement: maybe\n"
                + "  containers/oci: x\n");
        assertThatThrownBy(() -> Grader.grade(v, AnswersFile.read(answers))).isInstanceOf(QuizcardException.class)
                .hasMessageContaining(answers + ":4: the response to 'containers/vm-statement' cannot be read")
                .hasMessageContaining(answers + ":5: 'containers/oci' is not a question of this student's variant");
    }

    @Test
    void assignmentErrorsNameTheirPosition() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "id: Bad Id\ntitle: t\ndraw:\n  - count: 0\nfeedback: loud\n");
        assertThatThrownBy(() -> AssignmentReader.read(file)).hasMessageStartingWith(file + ":1:5: assignment id 'Bad Id'")
                .hasMessageContaining("more");
    }

    @Test
    void theTemplateListsEveryQuestionWithItsOptionsAndReadsBackEmpty() throws Exception {
        Variant v = Variant.of(assignment("score", ""), shipped, "alice");
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, AnswersFile.template(v));
        AnswersFile read = AnswersFile.read(file);
        assertThat(read.student()).isEqualTo("alice");
        assertThat(read.responses()).hasSize(v.items().size()).allSatisfy((ref, e) -> assertThat(e.isEmpty()).isTrue());
        Result r = Grader.grade(v, read);
        assertThat(r.earned()).isZero();
    }

    @Test
    void levelNoneShowsOnlyTheTotalAndTheClassroomGetsOneTestWithTheTotal() throws Exception {
        Assignment a = assignment("none", "");
        Variant v = Variant.of(a, shipped, "alice");
        Result r = Grader.grade(v, AnswersFile.read(answers(v, i -> i % 2 == 0, "none.yaml")));
        Reports reports = new Reports(r, shipped);
        assertThat(reports.json()).doesNotContain("\"score\"", "\"earned\" : 0", "\"misconceptions\"")
                .contains("\"total\"");
        assertThat(reports.markdown()).contains(ReportText.score(r.earned(), r.points()) + " points");
        String classroom = new String(java.util.Base64.getDecoder().decode(reports.classroomOutput().strip().substring(7)),
                java.nio.charset.StandardCharsets.UTF_8);
        var json = tools.jackson.databind.json.JsonMapper.shared().readTree(classroom);
        assertThat(json.get("tests")).hasSize(1);
        assertThat(json.get("tests").get(0).get("score").asDouble()).isEqualTo(ReportText.round(r.earned()));
        assertThat(json.get("tests").get(0).get("max_score").asDouble()).isEqualTo(r.points());
    }

    @Test
    void theFeedbackCapWinsOverAnEditedAssignment() throws Exception {
        Assignment a = assignment("full", "");
        Variant v = Variant.of(a, shipped, "alice");
        Result r = Grader.grade(v, AnswersFile.read(answers(v, i -> false, "capped.yaml")));
        String capped = new Reports(r, shipped, Assignment.Feedback.SCORE).junit();
        assertThat(capped).doesNotContain("Answer: ", "Why: ", "Misconception:");
        assertThat(new Reports(r, shipped).junit()).contains("Answer: ");
    }

    @Test
    void unknownGatesAndEmptyDrawRulesAreBadInput() throws Exception {
        Path gate = dir.resolve("gate.yaml");
        Files.writeString(gate, "id: g\ntitle: G\ndraw:\n  - concept: containers\n    count: 1\ngates: [container-is-lightweigth-vm]\n");
        assertThatThrownBy(() -> Variant.of(AssignmentReader.read(gate), shipped, "alice"))
                .hasMessageContaining("the gate 'container-is-lightweigth-vm' is not a misconception");
        Path empty = dir.resolve("empty.yaml");
        Files.writeString(empty, "id: e\ntitle: E\ndraw:\n  - tag: no-such-tag\n");
        assertThatThrownBy(() -> Variant.of(AssignmentReader.read(empty), shipped, "alice"))
                .hasMessage(empty + ":4: no questions match this draw rule");
    }

    @Test
    void anIncompleteMatchEarnsItsShareInsteadOfFailingTheGrade() throws Exception {
        Path file = dir.resolve("match.yaml");
        Files.writeString(file, "id: m\ntitle: M\ndraw:\n  - concept: containers\n");
        Variant v = Variant.of(AssignmentReader.read(file), demo, "alice");
        Variant.Item match = v.items().stream().filter(i -> i.question() instanceof Question.Match).findFirst().orElseThrow();
        Question.Match q = (Question.Match) match.question();
        char right = org.quizcard.check.ResponseParser.letter(match.presentation().shownAt(0));
        Path answers = dir.resolve("a.yaml");
        Files.writeString(answers, "assignment: m\nstudent: alice\nanswers:\n  " + q.ref() + ": 1" + right + "\n");
        Result r = Grader.grade(v, AnswersFile.read(answers));
        var graded = r.questions().stream().filter(x -> x.id().equals(q.ref())).findFirst().orElseThrow();
        assertThat(graded.score()).isEqualTo(1.0 / q.pairs().size());
    }
}
