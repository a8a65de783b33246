package org.quizcard.exchange.gift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Fixtures;
import org.quizcard.bank.Question;
import org.quizcard.exchange.Catalogue;
import org.quizcard.exchange.Deck;
import org.quizcard.exchange.ImportOptions;
import org.quizcard.exchange.Loss;

/** GIFT as teachers and Moodle write it, read question form by question form. */
class GiftReaderTest {
    static final Catalogue CATALOGUE = new Catalogue(Fixtures.demo().misconceptions());

    @TempDir
    Path dir;

    static Path everyForm() {
        try {
            return Path.of(GiftReaderTest.class.getResource("/exchange/every-form.gift").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Deck read(Path file, String concept) {
        return new GiftReader().read(file, new ImportOptions(CATALOGUE, concept, false));
    }

    private Deck read(String gift) throws Exception {
        Path file = dir.resolve("quiz.gift");
        Files.writeString(file, gift);
        return read(file, null);
    }

    private static Map<String, Question> byRef(Deck deck) {
        Map<String, Question> qs = new LinkedHashMap<>();
        deck.concepts().forEach(c -> c.questions().forEach(q -> qs.put(q.ref(), q)));
        return qs;
    }

    @Test
    void everyFormOfTheFixture() {
        Deck deck = read(everyForm(), null);
        assertThat(deck.concepts()).extracting(Concept::id).containsExactly("every-form", "second-concept");
        assertThat(deck.concepts().get(0).title()).isEqualTo("Every Form");
        Map<String, Question> qs = byRef(deck);
        assertThat(qs).hasSize(16);

        Question.Single single = (Question.Single) qs.get("every-form/shared-kernel");
        assertThat(single.common().tags()).containsExactly("basics", "choice");
        assertThat(single.common().explanation()).isEqualTo("A container is a group of host processes.");
        assertThat(single.common().where().line()).isEqualTo(7);
        assertThat(single.options()).extracting(Question.Option::text, Question.Option::correct,
                Question.Option::misconception, Question.Option::explanation).containsExactly(
                org.assertj.core.groups.Tuple.tuple("The host's kernel", true, null, "Right: the host kernel runs them all."),
                org.assertj.core.groups.Tuple.tuple("A kernel inside the image", false, "container-has-own-kernel", null),
                org.assertj.core.groups.Tuple.tuple("A kernel of a lightweight VM", false, null, "Not quite."));
        assertThat(deck.misconceptions()).extracting(m -> m.id())
                .containsExactly("container-has-own-kernel", "container-is-lightweight-vm");

        Question.Multiple multiple = (Question.Multiple) qs.get("every-form/pick-the-building-blocks");
        assertThat(multiple.options()).extracting(Question.Option::correct).containsExactly(true, true, false);
        Question.Single missingWord = (Question.Single) qs.get("every-form/grant-is-in-grant-s-tomb");
        assertThat(missingWord.prompt()).isEqualTo("Grant is ___ in Grant's tomb.");

        Question.TrueFalse tf = (Question.TrueFalse) qs.get("every-form/tf-false");
        assertThat(tf.answer()).isFalse();
        assertThat(tf.misconception()).isEqualTo("container-is-lightweight-vm");
        assertThat(tf.common().explanation()).isEqualTo("A VM has its own kernel.");
        assertThat(((Question.TrueFalse) qs.get("every-form/tf-true")).answer()).isTrue();

        Question.Text text = (Question.Text) qs.get("every-form/what-is-it");
        assertThat(text.answers()).containsExactly("processes", "a group of processes");
        assertThat(text.wrong()).extracting(Question.WrongAnswer::answer, Question.WrongAnswer::misconception)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a lightweight vm", "container-is-lightweight-vm"));

        Question.Match match = (Question.Match) qs.get("every-form/feature-roles");
        assertThat(match.pairs()).extracting(Question.Pair::left).containsExactly("namespaces", "cgroups");

        Question.Numeric pi = (Question.Numeric) qs.get("every-form/pi");
        assertThat(pi.prompt()).isEqualTo("What is **pi** to two decimal places?");
        assertThat(List.of(pi.answer(), pi.tolerance())).containsExactly(3.14, 0.005);
        Question.Numeric range = (Question.Numeric) qs.get("every-form/range");
        assertThat(List.of(range.answer(), range.tolerance())).containsExactly(3.0, 2.0);
        Question.Numeric several = (Question.Numeric) qs.get("every-form/several-numbers");
        assertThat(List.of(several.answer(), several.tolerance())).containsExactly(1.0, 0.0);

        Question.Cloze cloze = (Question.Cloze) qs.get("every-form/use-and-see");
        assertThat(cloze.prompt()).isEqualTo("Fill in the blank.");
        assertThat(cloze.text()).isEqualTo("Cgroups limit what a process can ___ and nothing more.");
        assertThat(cloze.blanks().get(0).answers()).containsExactly("use", "consume");

        Question.Text html = (Question.Text) qs.get("every-form/which-file-lists-the-mounts");
        assertThat(html.prompt()).isEqualTo("Which file lists the mounts?");
        assertThat(qs.get("every-form/escapes").prompt())
                .isEqualTo("Escaped: {braces}, ~tilde, =equals, #hash, a backslash \\ and a line\nbreak.");
        assertThat(((Question.Text) qs.get("every-form/escapes")).answers()).containsExactly("a = b");
        assertThat(qs.get("every-form/multi-line").prompt()).isEqualTo("A question\nwritten over\ntwo more lines.");
        assertThat(((Question.Flashcard) qs.get("every-form/oci")).back()).isEqualTo("Open Container Initiative.");
        assertThat(qs).containsKey("second-concept/second");

        assertThat(deck.losses()).extracting(Loss::toString).containsExactly(
                "every-form.gift:14: question \"Pick the building blocks\": the answers' weights: quizcard scores "
                        + "select-all-that-apply its own way (right picks less wrong picks, over the right options)",
                "every-form.gift:24: question \"tf-false\": the feedback 'Right, it is not.': a true/false question has one explanation",
                "every-form.gift:26: question \"what-is-it\": 'a program' with partial credit 50%: a bank accepts an answer or not",
                "every-form.gift:33: question \"feature-roles\": the extra answer 'what a process is paid' (no left side): "
                        + "a match has pairs only",
                "every-form.gift:44: question \"several-numbers\": the feedback on any other number: a numeric question has one explanation",
                "every-form.gift:44: question \"several-numbers\": the feedback on 1:0: a numeric question has one explanation",
                "every-form.gift:44: question \"several-numbers\": the answer 2:0 with credit 50%: a numeric question has one answer",
                "every-form.gift:52: question \"Which file lists the mounts?\": the img mounts.png: banks hold text only",
                "every-form.gift:62: question \"essay\": left out: an essay without feedback: a bank has no answer to check it against",
                "every-form.gift:64: question \"description\": left out: a description, not a question (no answer block in braces)");
    }

    @Test
    void conceptOptionPutsEveryQuestionIntoOneConcept() {
        Deck deck = read(everyForm(), "imported");
        assertThat(deck.concepts()).extracting(Concept::id).containsExactly("imported");
        assertThat(deck.concepts().get(0).questions()).hasSize(16);
    }

    @Test
    void withoutCategoryTheFileNamesTheConceptAndTitlesMakeUniqueIds() throws Exception {
        Deck deck = read("::Same Title::A?{T}\n\n::Same Title::B?{F}\n\n::ok-id::C?{T}\n\n::ok-id::D?{T}\n\nWhat is two plus two?{#4}\n");
        assertThat(deck.concepts()).extracting(Concept::id).containsExactly("quiz");
        assertThat(deck.concepts().get(0).questions()).extracting(Question::id)
                .containsExactly("same-title", "same-title-2", "ok-id", "ok-id-2", "what-is-two-plus-two");
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkReadAsUsual() throws Exception {
        Deck deck = read("\ufeff// c\r\n::a::Line one\r\nline two{T}\r\n\r\n::b::B?{F}\r\n");
        assertThat(deck.concepts().get(0).questions()).extracting(Question::prompt).containsExactly("Line one\nline two", "B?");
    }

    @Test
    void severalRightAnswersInASingleChoiceAndNoRightAnswerAreLeftOut() throws Exception {
        Deck deck = read("::two::Q?{=a =b ~c}\n\n::none::Q?{~%0%a ~%-50%b}\n\n::dup::Q?{=a ~A}\n");
        assertThat(deck.concepts()).isEmpty();
        assertThat(deck.losses()).extracting(Loss::what).containsExactly("2 answers have full credit in a single choice",
                "no answer has full credit, so a bank has no right option", "the answer 'A' twice");
        assertThat(deck.losses()).allMatch(Loss::dropped);
    }

    @Test
    void aMisconceptionComesIntoTheDeckOnlyWhenAQuestionKeptNamesIt() throws Exception {
        String refutation = "#Misconception (container-is-lightweight-vm)\\: \"A container is a lightweight virtual machine.\" "
                + "What is true\\: processes.";
        Deck deck = read("::dup::Q?{=a ~a" + refutation + "}\n\n::also::Q?{=%0%vm" + refutation + " =vm}\n");
        assertThat(deck.misconceptions()).isEmpty();
        assertThat(deck.losses()).extracting(Loss::what).containsExactly("the answer 'a' twice",
                "the wrong answer 'vm': it is also accepted");
        Question.Text also = (Question.Text) deck.concepts().get(0).questions().get(0);
        assertThat(also.answers()).containsExactly("vm");
        assertThat(also.wrong()).isEmpty();
    }

    @Test
    void controlCharactersNeverReachALossOrAQuestion() throws Exception {
        Deck deck = read("::\u001b[31mred::Essay\u001b]0;x\u0007{}\n\n::ok::Q\u009b?{T}\n");
        assertThat(deck.losses().get(0).toString()).doesNotContain("\u001b").contains("\ufffd[31mred");
        assertThat(deck.concepts().get(0).questions().get(0).prompt()).isEqualTo("Q\ufffd?");
    }

    @Test
    void malformedGiftFailsAtItsLineAndColumn() throws Exception {
        assertFails("::a::Fine{T}\n\n::b::Unclosed {=a\n", "quiz.gift:3:15: '{' opens an answer block that is not closed");
        assertFails("::a::Stray } brace{T}\n", "quiz.gift:1:12: '}' closes no answer block");
        assertFails("::a::Nested {=a {b}}\n", "quiz.gift:1:17: '{' inside an answer block");
        assertFails("::a::Two {=a} blocks {=b}\n", "quiz.gift:1:22: a second answer block");
        assertFails("::a no close {T}\n", "quiz.gift:1:1: the question title opened here has no closing '::'");
        assertFails("\n\n::n::Q? {#abc}\n", "quiz.gift:3:11: not a number: 'abc'");
        assertFails("::n::Q? {#}\n", "quiz.gift:1:9: a numerical question needs a number");
        assertFails("::c::Q? {~only}\n", "quiz.gift:1:9: a multiple choice needs at least two answers");
        assertFails("::m::Q? {=a -> 1 =b}\n", "quiz.gift:1:18: a matching answer needs 'left -> right'");
    }

    private void assertFails(String gift, String message) throws Exception {
        Path file = dir.resolve("quiz.gift");
        Files.writeString(file, gift);
        assertThatThrownBy(() -> read(file, null)).isInstanceOf(QuizcardException.class)
                .satisfies(e -> assertThat(((QuizcardException) e).exitCode()).isEqualTo(QuizcardException.BAD_INPUT))
                .hasMessageStartingWith(file + message.substring("quiz.gift".length()));
    }

    @Test
    void aFileThatIsNotUtf8OrTooLargeIsRefused() throws Exception {
        Path latin = dir.resolve("latin.gift");
        Files.write(latin, new byte[] {'Q', (byte) 0xe9, '{', 'T', '}'});
        assertThatThrownBy(() -> read(latin, null)).hasMessage(latin + ": not UTF-8 text; save the GIFT file as UTF-8");
        Path big = dir.resolve("big.gift");
        try (var out = Files.newOutputStream(big)) {
            out.write(new byte[GiftReader.LIMIT + 1]);
        }
        assertThatThrownBy(() -> read(big, null)).hasMessageContaining("larger than");
    }

    @Test
    void aLongFileOfQuestionsReadsInOnePass() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20_000; i++) b.append("::q").append(i).append("::Question ").append(i).append("? {=a ~b ~c}\n\n");
        b.append("::unclosed::{".repeat(1)).append("x".repeat(100_000));
        Path file = dir.resolve("long.gift");
        Files.writeString(file, b);
        assertThatThrownBy(() -> read(file, null)).hasMessageContaining("long.gift:40001:13: '{' opens an answer block");
    }
}
