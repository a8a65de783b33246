package org.quizcard.exchange.anki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Bank;
import org.quizcard.bank.BankFile;
import org.quizcard.bank.BankLoader;
import org.quizcard.bank.ContentHash;
import org.quizcard.bank.Fixtures;
import org.quizcard.bank.Position;
import org.quizcard.bank.Question;
import org.quizcard.bank.Concept;
import org.quizcard.exchange.Catalogue;
import org.quizcard.exchange.Deck;
import org.quizcard.exchange.ImportOptions;
import org.quizcard.exchange.Loss;
import org.quizcard.exchange.Rebind;

/** Anki's plain-text notes: quizcard's export held in a golden file, and read back to the same questions. */
class AnkiTextTest {
    @TempDir
    Path dir;

    static Map<String, Question> byRef(List<Question> questions) {
        return questions.stream().collect(Collectors.toMap(Question::ref, Function.identity()));
    }

    static ImportOptions options(Bank bank) {
        return new ImportOptions(new Catalogue(bank.misconceptions()), null, false);
    }

    /** Every question comes back with its ref and content hash, except those a loss names. */
    static void assertRoundTrip(Bank bank, List<Loss> exported, Deck deck) {
        Map<String, Question> back = byRef(deck.concepts().stream().flatMap(c -> c.questions().stream()).toList());
        assertThat(back.keySet()).containsExactlyInAnyOrderElementsOf(bank.questions().map(Question::ref).toList());
        for (Question q : bank.questions().toList()) {
            boolean lost = exported.stream().anyMatch(l -> l.where().endsWith("question " + q.ref()));
            Question read = back.get(q.ref());
            if (!lost) {
                assertThat(ContentHash.of(read)).as(q.ref()).isEqualTo(ContentHash.of(q));
                assertThat(read.common().hint()).as(q.ref()).isEqualTo(q.common().hint());
                assertThat(read.common().tags()).as(q.ref()).isEqualTo(q.common().tags());
            }
            assertThat(read.type()).as(q.ref()).isEqualTo(q.type());
            assertThat(read.prompt()).as(q.ref()).isEqualTo(q.prompt());
        }
        assertThat(deck.concepts()).extracting(c -> c.id()).containsExactlyElementsOf(
                bank.concepts().stream().map(c -> c.id()).toList());
        assertThat(deck.concepts()).extracting(c -> c.title()).containsExactlyElementsOf(
                bank.concepts().stream().map(c -> c.title()).toList());
    }

    @Test
    void theDemoBanksNotesAreHeldInAGoldenFile() throws Exception {
        Path out = dir.resolve("demo.txt");
        List<Loss> losses = new AnkiTextWriter().write(Fixtures.demo(), out);
        AnkiGolden.assertGolden("anki-text/demo.txt", Files.readString(out));
        assertThat(losses).extracting(Loss::toString).anyMatch(l -> l.contains("question containers/see-and-use")
                && l.contains("known wrong answer 'use'"));
        assertThat(losses).noneMatch(Loss::dropped);
    }

    @Test
    void everyTypeReadsBackWithItsContentHash() throws Exception {
        Bank bank = Fixtures.demo();
        Path out = dir.resolve("demo.txt");
        List<Loss> losses = new AnkiTextWriter().write(bank, out);
        Deck deck = new AnkiTextReader().read(out, options(bank));
        assertRoundTrip(bank, losses, deck);
        assertThat(deck.losses()).isEmpty();
        assertThat(deck.misconceptions()).extracting(m -> m.id())
                .containsExactlyInAnyOrder("container-has-own-kernel", "container-is-lightweight-vm");
        // the one loss: the cloze's known wrong answer; everything else of it is kept
        Question cloze = byRef(deck.concepts().get(0).questions()).get("containers/see-and-use");
        assertThat(((Question.Cloze) cloze).text()).isEqualTo(((Question.Cloze) bank.question("containers/see-and-use")
                .orElseThrow()).text());
    }

    @Test
    void theShippedBanksReadBack() throws Exception {
        Bank bank = BankLoader.load(BankFile.shipped()).orThrow();
        Path out = dir.resolve("shipped.txt");
        List<Loss> losses = new AnkiTextWriter().write(bank, out);
        Deck deck = new AnkiTextReader().read(out, options(bank));
        assertRoundTrip(bank, losses, deck);
        assertThat(deck.losses()).isEmpty();
    }

    @Test
    void flashcardAndClozeTextWithMarkupCharactersSpacesAndLinesReadsBackExactly() throws Exception {
        String tricky = "if a < b && c > d:\n    return \"&nbsp;\"  # two  spaces\n\n<b>not bold</b>";
        Question.Common common = new Question.Common("code", "tricky", tricky, "see <this> & that", "a  spaced\n  hint",
                List.of("a tag"), List.of(), Position.ofFile("code.yaml"));
        Question card = new Question.Flashcard(common, "x  <  y\n  z");
        Question cloze = new Question.Cloze(Rebind.withId(card, "gap").common(), "a <b> ___ c  ___ &amp;",
                List.of(new Question.Blank(List.of("x & y"), List.of(), null),
                        new Question.Blank(List.of("<z>"), List.of(), null)));
        Bank bank = new Bank(List.of(new Concept("code", "Code :: tricks", "S", List.of(), List.of(card, cloze),
                Position.ofFile("code.yaml"))), Map.of());
        Path out = dir.resolve("tricky.txt");
        List<Loss> losses = new AnkiTextWriter().write(bank, out);
        assertThat(losses).hasSize(2).allMatch(l -> l.what().startsWith("tag 'a tag' is written a_tag"));
        Deck deck = new AnkiTextReader().read(out, options(bank));
        List<Question> back = deck.concepts().get(0).questions();
        assertThat(back).extracting(ContentHash::of).containsExactly(ContentHash.of(card), ContentHash.of(cloze));
        assertThat(back).extracting(q -> q.common().hint()).containsExactly("a  spaced\n  hint", "a  spaced\n  hint");
        assertThat(deck.concepts().get(0).title()).isEqualTo("Code : tricks");
    }
}
