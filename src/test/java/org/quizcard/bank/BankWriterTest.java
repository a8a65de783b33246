package org.quizcard.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BankWriterTest {
    @Test
    void everyShippedConceptAndTheDemoReadBackToTheSameQuestions() {
        List<Bank> banks = List.of(BankLoader.load(BankFile.shipped()).orThrow(), Fixtures.demo());
        for (Bank bank : banks) {
            Bank again = rewrite(bank);
            assertThat(again.concepts()).hasSameSizeAs(bank.concepts());
            for (int i = 0; i < bank.concepts().size(); i++) assertSame(bank.concepts().get(i), again.concepts().get(i));
            assertThat(again.misconceptions().keySet()).containsExactlyElementsOf(bank.misconceptions().keySet());
            bank.misconceptions().forEach((id, m) -> assertThat(again.misconceptions().get(id))
                    .usingRecursiveComparison().ignoringFields("where").isEqualTo(m));
        }
    }

    @Test
    void textThatYamlCouldMisreadComesBackExactly() {
        List<String> texts = List.of("no", "Yes", "null", "123", "0x1F", "1e3", "- dash", "# hash", "key: value",
                "a #b", "'single'", "\"double\"", "back\\slash", "tab\there", " leading space", "trailing space ",
                "two\nlines", "two\nlines\n", "\nleading break", "para\n\n  indented\nend", "ends with colon:",
                "[flow]", "{map}", "*alias", "&anchor", "!tag", "%percent", "@at", "`tick`", "ünïcödé ✓ 𝄞",
                "bell\u0007", "cr\r\nlf", "trailing\t\nspace", "  ", ">folded", "|literal", "? key", "~");
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            // What a bank can hold: text is stripped and made printable as it is read.
            String t = Printable.text(texts.get(i).strip());
            Question.Common common = new Question.Common("c", "q" + i, ("prompt " + t).strip(), ("why " + t).strip(), t.isBlank() ? null : t,
                    List.of("tag"), List.of(), null);
            questions.add(new Question.Flashcard(common, t.isBlank() ? "blank" : t));
        }
        Concept c = new Concept("c", "C", "summary", List.of("a source"), questions, null);
        Concept again = rewrite(new Bank(List.of(c), Map.of())).concepts().get(0);
        assertSame(c, again);
    }

    @Test
    void multiLineTextIsWrittenAsALiteralBlock() {
        Question.Common common = new Question.Common("c", "card", "Front", "Why", null, List.of(), List.of(), null);
        Concept c = new Concept("c", "C", "s", List.of(), List.of(new Question.Flashcard(common, "first\n\n- second")), null);
        assertThat(BankWriter.concept(c, "")).contains("    back: |-\n      first\n\n      - second\n");
    }

    @Test
    void anOptionsExplanationAndAMissingQuestionExplanationSurvive() {
        Question.Common common = new Question.Common("c", "pick", "Which?", "", null, List.of(), List.of(), null);
        Question q = new Question.Single(common, List.of(
                new Question.Option("right", true, null, "Yes: because.", null),
                new Question.Option("wrong", false, null, "No:\nbecause not.", null)));
        Concept c = new Concept("c", "C", "s", List.of(), List.of(q), null);
        String text = BankWriter.concept(c, "");
        assertThat(text).doesNotContainPattern("(?m)^    explanation:");
        assertSame(c, rewrite(new Bank(List.of(c), Map.of())).concepts().get(0));
    }

    private static Bank rewrite(Bank bank) {
        List<String> files = new ArrayList<>();
        for (Concept c : bank.concepts()) {
            files.add(c.id() + ".yaml");
            files.add(BankWriter.concept(c, "# written by BankWriterTest\n"));
        }
        files.add(BankFile.MISCONCEPTIONS);
        files.add(BankWriter.catalogue(bank.misconceptions().values(), ""));
        BankLoader.Loaded loaded = Fixtures.load(files.toArray(String[]::new));
        assertThat(loaded.errors()).as(String.join("\n", files)).isEmpty();
        return loaded.bank();
    }

    /** The same concept, question for question, whatever the positions. */
    private static void assertSame(Concept expected, Concept actual) {
        assertThat(actual).usingRecursiveComparison().ignoringFieldsMatchingRegexes(".*where").isEqualTo(expected);
        for (int i = 0; i < expected.questions().size(); i++) {
            assertThat(ContentHash.of(actual.questions().get(i))).isEqualTo(ContentHash.of(expected.questions().get(i)));
        }
    }
}
