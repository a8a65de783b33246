package org.quizcard.exchange.anki;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quizcard.bank.Fixtures;
import org.quizcard.bank.Misconception;
import org.quizcard.bank.Question;
import org.quizcard.exchange.Catalogue;
import org.quizcard.exchange.Loss;

/** The one mapping of an Anki note to a question, which the package and the text reader both use. */
class AnkiNoteReaderTest {
    private final List<Loss> losses = new ArrayList<>();
    private final Map<String, Misconception> used = new LinkedHashMap<>();
    private final AnkiNoteReader reader = new AnkiNoteReader("f", new Catalogue(Fixtures.demo().misconceptions()),
            used, losses);

    private static AnkiNote note(String type, boolean cloze, List<String> names, boolean html, String... fields) {
        return new AnkiNote("f:1", null, type, cloze, names, List.of(fields), html, null, null, List.of());
    }

    private Question read(AnkiNote note) {
        AnkiNoteReader.Read read = reader.read(note, "c");
        return read == null ? null : read.question();
    }

    private Question.Cloze cloze(String text) {
        return (Question.Cloze) read(note("Cloze", true, List.of(), true, text));
    }

    @Test
    void aClozePromptIsTheExportsPromptDivElseAFirstParagraphWithoutADeletion() {
        Question.Cloze div = (Question.Cloze) read(note(AnkiModel.CLOZE.noteType, true, List.of(), true,
                "<div class=prompt>Line one<br><br>line two</div>A {{c1::b}}", "", ""));
        assertThat(div.prompt()).isEqualTo("Line one\n\nline two");
        assertThat(div.text()).isEqualTo("A ___");
        assertThat(cloze("Complete it.<br><br>A {{c1::b}} c").prompt()).isEqualTo("Complete it.");
        assertThat(cloze("A {{c1::b}} c<br><br>more").prompt()).isEqualTo(AnkiNoteReader.CLOZE_PROMPT);
        Question.Cloze plain = (Question.Cloze) read(note("Cloze", true, List.of(), false, "Say it.\n\n{{c1::b}} c"));
        assertThat(plain.prompt()).isEqualTo("Say it.");
        assertThat(plain.text()).isEqualTo("___ c");
        assertThat(losses).isEmpty();
    }

    @Test
    void deletionsAndTheirHintsBecomeBlanksWhateverTheirNumbers() {
        Question.Cloze z = cloze("{{c1::fork::a call}} then {{c1,2::exec}} then {{c3::wait {{c4::pid::no}}::reap}}");
        assertThat(z.text()).isEqualTo("___ then ___ then ___");
        assertThat(z.blanks()).extracting(b -> b.answers().get(0)).containsExactly("fork", "exec", "wait pid");
        assertThat(z.common().hint()).isEqualTo("blank 1: a call\nblank 3: reap");
        assertThat(losses).extracting(Loss::what)
                .containsExactly("a cloze deletion inside another: asked as part of the outer blank");
    }

    @Test
    void unclosedDeletionsUnderscoresAndMarkerCharactersAreText() {
        Question.Cloze z = cloze("{{c1::a}} __init__ x__{{c2::b}} {{c3::open");
        assertThat(z.text()).isEqualTo("___ __init__ x_ _ ___ {{c3::open");
        assertThat(z.parts()).hasSize(3);
        assertThat(losses).extracting(Loss::what).containsExactly("an unclosed cloze deletion: kept as text",
                "underscores in the text spaced out ('_ _'): a bank marks blanks with '___'");
        assertThat(cloze("\uE0000\uE001 {{c1::a}}").text()).isEqualTo("\uFFFD0\uFFFD ___");
        StringBuilder many = new StringBuilder();
        for (int i = 1; i <= Question.MAX_PARTS + 1; i++) many.append("{{c").append(i).append("::x}} ");
        assertThat(cloze(many.toString())).isNull();
        assertThat(losses.get(losses.size() - 1).what()).contains("at most " + Question.MAX_PARTS + " blanks");
    }

    @Test
    void furtherFieldsAreNamedOnTheBackOrInTheExplanation() {
        Question.Flashcard f = (Question.Flashcard) read(note("Vocabulary", false, List.of("Word", "Meaning", "Example"),
                true, "beber", "to drink", "Bebo agua."));
        assertThat(f.back()).isEqualTo("Meaning: to drink\n\nExample: Bebo agua.");
        Question.Cloze z = (Question.Cloze) read(note("Cloze+", true, List.of("Intro", "Text", "Extra"), true,
                "Spanish", "{{c1::Bebo}} agua.", "present tense"));
        assertThat(z.text()).isEqualTo("___ agua.");
        assertThat(z.common().explanation()).isEqualTo("Intro: Spanish\n\nExtra: present tense");
    }

    @Test
    void aSourcesMisconceptionsAreCheckedAgainstTheCatalogue() {
        Question q = read(note(AnkiModel.QUESTION.noteType, false, List.of(), true, "A VM?", "false", "",
                "{\"id\": \"vm\", \"type\": \"single\", \"prompt\": \"A container is?\", \"options\": [{\"text\": \"a VM\", "
                        + "\"misconception\": \"container-is-lightweight-vm\"}, {\"text\": \"processes\", \"correct\": true},"
                        + " {\"text\": \"magic\", \"misconception\": \"no-such\"}]}"));
        Question.Single s = (Question.Single) q;
        assertThat(s.options()).extracting(Question.Option::misconception)
                .containsExactly("container-is-lightweight-vm", null, null);
        assertThat(used).containsOnlyKeys("container-is-lightweight-vm");
        assertThat(losses).singleElement().extracting(Loss::what).asString()
                .startsWith("misconception no-such: not in the catalogue");
    }

    @Test
    void ownNoteTypesAreReadByFieldNameElseByPlace() {
        Question.Flashcard byName = (Question.Flashcard) read(note(AnkiModel.BASIC.noteType, false,
                List.of("Hint", "Front", "Back", "Explanation"), true, "h", "front", "back", "why"));
        assertThat(byName.prompt()).isEqualTo("front");
        assertThat(byName.common().hint()).isEqualTo("h");
        assertThat(byName.common().explanation()).isEqualTo("why");
        Question.Flashcard byPlace = (Question.Flashcard) read(note(AnkiModel.BASIC.noteType, false, List.of(), true,
                "front", "back", "why", "h"));
        assertThat(byPlace.common().hint()).isEqualTo("h");
        Question broken = read(note(AnkiModel.QUESTION.noteType, false, List.of(), true, "Q?", "A", "E", "{nope"));
        assertThat(broken).isInstanceOfSatisfying(Question.Flashcard.class, b -> {
            assertThat(b.back()).isEqualTo("A");
            assertThat(b.common().explanation()).isEqualTo("E");
        });
    }
}
