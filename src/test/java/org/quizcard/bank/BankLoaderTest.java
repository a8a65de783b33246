package org.quizcard.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quizcard.QuizcardException;

class BankLoaderTest {

    private static List<String> messages(BankLoader.Loaded loaded) {
        return loaded.problems().stream().map(Problem::format).toList();
    }

    private static final String HEAD = "id: c\ntitle: C\nsummary: s\nsources: [x]\nquestions:\n";

    @Test
    void demoBankParsesEveryQuestionType() {
        Bank bank = Fixtures.demo();
        Concept c = bank.concept("containers").orElseThrow();
        assertThat(c.questions()).extracting(Question::type).containsExactly(QuestionType.values());
        assertThat(bank.misconceptions()).containsKeys("container-is-lightweight-vm", "container-has-own-kernel");
    }

    @Test
    void aTitleIsOneLineWhateverTheYamlHeldInIt() {
        var loaded = Fixtures.load("c.yaml", "id: c\ntitle: |\n  Two\tparts\n  of a title\nsummary: s\n"
                + "sources: [x]\nquestions: []\n");
        assertThat(loaded.bank().concept("c").orElseThrow().title()).isEqualTo("Two parts of a title");
    }

    @Test
    void singleChoiceKeepsOptionsRightAnswerAndMisconceptions() {
        Question.Single q = (Question.Single) Fixtures.demo().question("containers/shared-kernel").orElseThrow();
        assertThat(q.options()).hasSize(3);
        assertThat(q.options().get(0).correct()).isTrue();
        assertThat(q.options().get(2).misconception()).isEqualTo("container-is-lightweight-vm");
        assertThat(q.common().hint()).isEqualTo("Think of what `ps` on the host shows.");
        assertThat(q.common().tags()).containsExactly("basics");
        assertThat(q.probes()).containsExactly("container-has-own-kernel", "container-is-lightweight-vm");
    }

    @Test
    void eachTypeKeepsItsOwnFields() {
        Bank bank = Fixtures.demo();
        Question.Multiple multiple = (Question.Multiple) bank.question("containers/building-blocks").orElseThrow();
        assertThat(multiple.options()).filteredOn(Question.Option::correct).hasSize(2);
        Question.TrueFalse tf = (Question.TrueFalse) bank.question("containers/vm-statement").orElseThrow();
        assertThat(tf.answer()).isFalse();
        assertThat(tf.misconception()).isEqualTo("container-is-lightweight-vm");
        Question.Text text = (Question.Text) bank.question("containers/what-is-it").orElseThrow();
        assertThat(text.answers()).contains("processes");
        assertThat(text.wrong()).extracting(Question.WrongAnswer::answer).containsExactly("a lightweight vm");
        Question.Numeric numeric = (Question.Numeric) bank.question("containers/kernels-count").orElseThrow();
        assertThat(numeric.answer()).isEqualTo(1.0);
        assertThat(numeric.unit()).isEqualTo("kernels");
        Question.Order order = (Question.Order) bank.question("containers/start-steps").orElseThrow();
        assertThat(order.items()).hasSize(4).startsWith("Unpack the image");
        Question.Match match = (Question.Match) bank.question("containers/feature-roles").orElseThrow();
        assertThat(match.pairs()).extracting(Question.Pair::left).containsExactly("namespaces", "cgroups", "image");
        Question.Cloze cloze = (Question.Cloze) bank.question("containers/see-and-use").orElseThrow();
        assertThat(cloze.parts()).hasSize(3);
        assertThat(cloze.blanks().get(1).wrong()).hasSize(1);
        Question.Flashcard card = (Question.Flashcard) bank.question("containers/oci").orElseThrow();
        assertThat(card.back()).isEqualTo("Open Container Initiative.");
    }

    @Test
    void unknownFieldsAreErrorsAtTheirKey() {
        var loaded = Fixtures.load("c.yaml", HEAD + "  - id: q\n    type: flashcard\n    prompt: p\n    back: b\n"
                + "    explanation: e\n    colour: red\n");
        assertThat(messages(loaded)).containsExactly("c.yaml:11:5: unknown field 'colour' in a question");
    }

    @Test
    void wrongTypesAndMissingFieldsAreErrorsWithPositions() {
        var loaded = Fixtures.load("c.yaml", HEAD + "  - id: q\n    type: numeric\n    prompt: [p]\n"
                + "    answer: lots\n    explanation: e\n");
        assertThat(messages(loaded)).contains(
                "c.yaml:8:13: 'prompt' must be a string, not a list",
                "c.yaml:9:13: 'answer' must be a finite number, not a string");
    }

    @Test
    void missingRequiredFieldNamesTheField() {
        var loaded = Fixtures.load("c.yaml", HEAD + "  - id: q\n    type: flashcard\n    prompt: p\n    explanation: e\n");
        assertThat(messages(loaded)).containsExactly("c.yaml:6:5: a question needs 'back'");
    }

    @Test
    void unknownTypeIsNamed() {
        var loaded = Fixtures.load("c.yaml", HEAD + "  - id: q\n    type: essay\n    prompt: p\n    explanation: e\n");
        assertThat(messages(loaded)).singleElement().asString()
                .startsWith("c.yaml:7:11: unknown question type 'essay'");
    }

    @Test
    void errorsOfEveryFileAreReportedTogether() {
        var loaded = Fixtures.load(
                "a.yaml", "id: a\ntitle: A\nsummary: s\nsources: [x]\nquestions: []\nextra: 1\n",
                "b.yaml", "id: b\ntitle: B\ntitle: B\nsummary: s\nsources: [x]\nquestions: []\n");
        assertThat(messages(loaded)).containsExactly(
                "a.yaml:6:1: unknown field 'extra' in a concept file",
                "b.yaml:3:1: duplicate key 'title' (first at line 2)");
    }

    @Test
    void invalidUtf8IsReportedWithItsLine() {
        byte[] bytes = "id: c\ntitle: \u00e9\n".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 3] = (byte) 0xff;
        var loaded = BankLoader.load(List.of(new BankFile("c.yaml", () -> new java.io.ByteArrayInputStream(bytes))));
        assertThat(messages(loaded)).containsExactly("c.yaml:2:8: the file is not valid UTF-8 (byte 0xff)");
    }

    @Test
    void unreadableFileIsAProblemNotACrash() {
        var loaded = BankLoader.load(List.of(new BankFile("gone.yaml", () -> {
            throw new java.io.FileNotFoundException("gone.yaml (No such file or directory)");
        })));
        assertThat(messages(loaded)).singleElement().asString().startsWith("gone.yaml: cannot read the file");
    }

    @Test
    void orThrowNamesTheFirstErrorAndCountsTheRest() {
        var loaded = Fixtures.load("c.yaml", "id: c\nx: 1\ny: 2\n");
        assertThatThrownBy(loaded::orThrow).isInstanceOf(QuizcardException.class)
                .hasMessageStartingWith("c.yaml:1:1: a concept file needs '")
                .hasMessageContaining("more; run 'quizcard lint'");
    }
}
