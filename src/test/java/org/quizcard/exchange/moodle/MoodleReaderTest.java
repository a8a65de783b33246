package org.quizcard.exchange.moodle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Fixtures;
import org.quizcard.bank.Question;
import org.quizcard.exchange.Catalogue;
import org.quizcard.exchange.Deck;
import org.quizcard.exchange.ImportOptions;
import org.quizcard.exchange.Loss;

/**
 * A hand-written Moodle XML file with every question form (src/test/resources/moodle), read into
 * a deck: what each form becomes, and what is listed as not carried over.
 */
class MoodleReaderTest {
    private static final Catalogue DEMO = new Catalogue(Fixtures.demo().misconceptions());
    private static Deck deck;
    private static Map<String, Question> questions;

    @TempDir
    Path dir;

    @BeforeAll
    static void read() throws URISyntaxException {
        deck = new MoodleReader().read(everyForm(), new ImportOptions(DEMO, null, false));
        questions = new LinkedHashMap<>();
        deck.concepts().forEach(c -> c.questions().forEach(q -> questions.put(q.ref(), q)));
    }

    private static Path everyForm() throws URISyntaxException {
        return Path.of(MoodleReaderTest.class.getResource("/moodle/every-form.xml").toURI());
    }

    private static Question q(String ref) {
        assertThat(questions).containsKey(ref);
        return questions.get(ref);
    }

    private static List<String> losses(String name) {
        return deck.losses().stream().filter(l -> l.where().endsWith(": question \"" + name + "\"")).map(Loss::what).toList();
    }

    @Test
    void categoriesBecomeConceptsAndQuestionsBeforeThemGoToTheFilesConcept() {
        assertThat(deck.concepts()).extracting(Concept::id).containsExactly("every-form", "containers");
        Concept containers = deck.concepts().get(1);
        assertThat(containers.title()).isEqualTo("Containers");
        assertThat(containers.summary()).isEqualTo("What containers are.");
        assertThat(deck.concepts().get(0).questions()).extracting(Question::id).containsExactly("before-any-category");
    }

    @Test
    void namesThatAreIdsAreKeptAndOthersBecomeSlugs() {
        assertThat(deck.concepts().get(1).questions()).extracting(Question::id).containsExactly("kernel-of-a-container",
                "building-blocks", "vm-statement", "what-is-it", "kernels-count", "feature-roles", "start-steps",
                "see-and-use", "mixed-cloze", "oci");
    }

    @Test
    void singleChoiceKeepsHtmlAsTextPerAnswerFeedbackHintsAndTags() {
        Question.Single s = (Question.Single) q("containers/kernel-of-a-container");
        assertThat(s.prompt()).isEqualTo("Which kernel runs a container's processes?");
        assertThat(s.common().explanation()).isEqualTo("The host's kernel.");
        assertThat(s.common().hint()).isEqualTo("Look at ps on the host.\n\nThink of namespaces.");
        assertThat(s.common().tags()).containsExactly("basics", "kernel");
        assertThat(s.options()).extracting(Question.Option::text, Question.Option::correct, Question.Option::misconception,
                Question.Option::explanation).containsExactly(
                org.assertj.core.groups.Tuple.tuple("The host's", true, null, "Right: containers share it."),
                org.assertj.core.groups.Tuple.tuple("A copy of the host's", false, null, null),
                org.assertj.core.groups.Tuple.tuple("Its own", false, "container-has-own-kernel", "Images hold no kernel."));
        assertThat(losses("Kernel of a container")).containsExactly("img diagram.png: banks hold text only",
                "partial credit 'A copy of the host's' 50 %: quizcard counts it wrong");
        assertThat(deck.misconceptions()).extracting(m -> m.id())
                .containsExactlyInAnyOrder("container-has-own-kernel", "container-is-lightweight-vm");
    }

    @Test
    void multipleChoiceRightAnswersAreThoseWithCreditAndOtherFractionsAreNamed() {
        Question.Multiple m = (Question.Multiple) q("containers/building-blocks");
        assertThat(m.options()).extracting(Question.Option::correct).containsExactly(true, true, false);
        assertThat(losses("building-blocks")).singleElement().asString()
                .contains("'a hypervisor' -100 %").contains("1/2 of the marks");
    }

    @Test
    void trueFalseTakesTheMisconceptionFromTheWrongAnswersFeedback() {
        Question.TrueFalse t = (Question.TrueFalse) q("containers/vm-statement");
        assertThat(t.answer()).isFalse();
        assertThat(t.misconception()).isEqualTo("container-is-lightweight-vm");
        assertThat(losses("vm-statement")).isEmpty();
    }

    @Test
    void shortAnswerKeepsRightAnswersWildcardsAsARegexAndKnownWrongAnswers() {
        Question.Text t = (Question.Text) q("containers/what-is-it");
        assertThat(t.prompt()).isEqualTo("What is a container, *to the kernel*?");
        assertThat(t.answers()).containsExactly("processes", "star * here");
        assertThat(t.regex()).isEqualTo("group of .* processes");
        assertThat(t.wrong()).extracting(Question.WrongAnswer::answer, Question.WrongAnswer::misconception)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a lightweight vm", "container-is-lightweight-vm"));
        assertThat(losses("What is it?")).containsExactly("the answer 'a process' (50 %): quizcard has no partial credit",
                "the answer 'a vm' (0 %): its feedback names no misconception quizcard knows",
                "case-sensitive answers: quizcard compares them ignoring case");
    }

    @Test
    void whatALossQuotesFromTheFileStaysOnOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("lines.xml"), """
                <quiz><question type="multianswer">
                  <name><text>cloze</text></name>
                  <questiontext format="html"><text>A {1:SHORTANSWER:=process} runs.</text>
                    <file name="two&#10;lines&#9;.png" encoding="base64">AA==</file></questiontext>
                </question></quiz>
                """);
        Deck read = new MoodleReader().read(file, new ImportOptions(DEMO, null, false));
        assertThat(read.losses()).isNotEmpty().allSatisfy(l -> assertThat(l.toString()).doesNotContain("\n", "\t"));
    }

    @Test
    void numericalKeepsTheRightAnswerToleranceAndTheUnitOfMultiplierOne() {
        Question.Numeric n = (Question.Numeric) q("containers/kernels-count");
        assertThat(n.answer()).isEqualTo(1.0);
        assertThat(n.tolerance()).isEqualTo(0.5);
        assertThat(n.unit()).isEqualTo("kernels");
        assertThat(losses("kernels-count")).hasSize(3).anyMatch(l -> l.startsWith("the unit 'kilokernels' (multiplier 0.001)"));
    }

    @Test
    void matchingAndOrdering() {
        Question.Match m = (Question.Match) q("containers/feature-roles");
        assertThat(m.pairs()).extracting(Question.Pair::left, Question.Pair::right).containsExactly(
                org.assertj.core.groups.Tuple.tuple("namespaces", "what a process sees"),
                org.assertj.core.groups.Tuple.tuple("cgroups", "what a process uses"));
        assertThat(losses("feature-roles")).singleElement().asString().contains("'what a process is'");
        assertThat(((Question.Order) q("containers/start-steps")).items()).containsExactly("Unpack", "Namespaces", "Exec");
    }

    @Test
    void clozeShortAnswersBecomeBlanksAndOtherPartsTheirRightAnswers() {
        Question.Cloze z = (Question.Cloze) q("containers/see-and-use");
        assertThat(z.prompt()).isEqualTo("Fill in the blanks.");
        assertThat(z.text()).isEqualTo("Cgroups limit what a process can ___; namespaces what it can ___.");
        assertThat(z.blanks().get(0).answers()).containsExactly("use", "consume");
        assertThat(z.blanks().get(0).wrong()).extracting(Question.WrongAnswer::misconception)
                .containsExactly("container-has-own-kernel");
        assertThat(z.blanks().get(1).answers()).containsExactly("see");
        assertThat(losses("see-and-use")).isEmpty();
        Question.Cloze mixed = (Question.Cloze) q("containers/mixed-cloze");
        assertThat(mixed.blanks()).extracting(Question.Blank::answers)
                .containsExactly(List.of("1"), List.of("all"), List.of("a}b#c"));
        assertThat(losses("mixed-cloze")).containsExactly("blank 1: the tolerance 0.5 of 1", "blank 1: a number, taken as typed text",
                "blank 2: a menu of 3 choices: quizcard asks for the right one typed");
    }

    @Test
    void anEssayQuizcardWroteIsAFlashcardAndOtherQuestionsItCannotHoldAreLeftOut() {
        Question.Flashcard f = (Question.Flashcard) q("containers/oci");
        assertThat(f.back()).isEqualTo("Open Container Initiative.");
        assertThat(f.common().explanation()).isEqualTo("It specifies images.");
        assertThat(deck.losses()).filteredOn(Loss::dropped).extracting(l -> l.where().replaceAll(".*: question ", "") + " " + l.what())
                .containsExactly("\"Explain containers\" an essay, graded by a teacher: quizcard has no such type",
                        "\"Intro\" a description, not a question",
                        "\"Formula\" a Moodle 'calculated' question: quizcard has no such type",
                        "\"too-few\" it has fewer than 2 options");
    }

    @Test
    void conceptGivenOnTheCommandLineTakesEveryQuestion() throws Exception {
        Deck one = new MoodleReader().read(everyForm(), new ImportOptions(DEMO, "my-course", false));
        assertThat(one.concepts()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("my-course");
            assertThat(c.title()).isEqualTo("My course");
            assertThat(c.questions()).hasSize(questions.size());
        });
    }

    @Test
    void repeatedNamesGetNumbersAndFeedbackNamingAnUnknownMisconceptionStaysText() throws Exception {
        Path file = dir.resolve("two.xml");
        String question = """
                <question type="truefalse"><name><text>same</text></name>
                  <questiontext><text>Statement %s.</text></questiontext>
                  <answer fraction="100"><text>true</text></answer>
                  <answer fraction="0"><text>false</text><feedback><text>Misconception (nobody-knows): "a" What is true: b</text></feedback></answer>
                </question>""";
        Files.writeString(file, "<quiz>" + question.formatted("one") + question.formatted("two") + "</quiz>");
        Deck read = new MoodleReader().read(file, new ImportOptions(DEMO, null, false));
        assertThat(read.concepts()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("two");
            assertThat(c.questions()).extracting(Question::id).containsExactly("same", "same-2");
            assertThat(c.questions()).allSatisfy(q -> assertThat(((Question.TrueFalse) q).misconception()).isNull());
        });
        assertThat(read.misconceptions()).isEmpty();
        assertThat(read.losses()).extracting(Loss::what).containsOnly("the feedback on answering false: quizcard keeps none per answer");
    }
}
