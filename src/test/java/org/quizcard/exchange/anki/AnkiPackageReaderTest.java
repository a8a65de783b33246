package org.quizcard.exchange.anki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Question;
import org.quizcard.exchange.Catalogue;
import org.quizcard.exchange.Deck;
import org.quizcard.exchange.ImportOptions;
import org.quizcard.exchange.Loss;
import org.quizcard.srs.PastReview;
import org.quizcard.srs.Rating;
import org.quizcard.store.anki.AnkiFixture;

class AnkiPackageReaderTest {
    @TempDir
    Path dir;

    /** Options that unpack into the test's own directory, as the command's scratch directory in --out. */
    private ImportOptions options(String concept, boolean history) {
        return new ImportOptions(new Catalogue(Map.of()), concept, history, dir);
    }

    /** A collection with one note of each kind an import meets, in two decks. */
    private static AnkiFixture sample(AnkiFixture a) {
        long basic = a.basic();
        long reversed = a.noteType("Basic (and reversed card)", false, List.of("Front", "Back"), List.of("Card 1", "Card 2"));
        long cloze = a.noteType("Cloze", true, List.of("Text", "Back Extra"), List.of("Cloze"));
        long vocab = a.noteType("Vocabulary", false, List.of("Word", "Meaning", "Example"), List.of("Card 1"));
        long verbs = a.deck("Spanish::Verbs", "Regular <b>verbs</b> first.");
        long os = a.deck("OS", "");
        long n1 = a.note(basic, "abc", "verbs Spanish::Grammar", "What does <i>hablar</i> mean?", "to speak");
        a.card(n1, verbs, 0);
        long n2 = a.note(reversed, "def", "", "comer", "to eat<br>(also: to have lunch)");
        a.card(n2, verbs, 0);
        a.card(n2, verbs, 1);
        long n3 = a.note(cloze, "ghi", "paging", "A page is {{c1::4 KiB::size}} on {{c2::x86}}.", "Huge pages differ.");
        a.card(n3, os, 0);
        a.card(n3, os, 1);
        long n4 = a.note(vocab, "jkl", "", "beber", "to drink", "Bebo agua.");
        a.card(n4, verbs, 0);
        return a;
    }

    private static Question question(Deck deck, String ref) {
        return deck.concepts().stream().flatMap(c -> c.questions().stream()).filter(q -> q.ref().equals(ref))
                .findFirst().orElseThrow(() -> new AssertionError("no " + ref + " in " + deck.concepts()));
    }

    @ParameterizedTest(name = "generation {0}")
    @ValueSource(ints = {1, 2, 3})
    void everyGenerationGivesTheSameQuestions(int generation) {
        AnkiFixture a = sample(generation == 3 ? AnkiFixture.schema18() : AnkiFixture.schema11());
        Deck deck = new AnkiPackageReader().read(a.pack(dir, "deck.apkg", generation), options(null, false));

        assertThat(deck.concepts()).extracting(Concept::id).containsExactly("spanish-verbs", "os");
        Concept verbs = deck.concepts().get(0);
        assertThat(verbs.title()).isEqualTo("Verbs");
        assertThat(verbs.summary()).isEqualTo("Regular verbs first.");
        assertThat(deck.concepts().get(1).summary()).isEqualTo("Imported from the Anki deck 'OS'.");

        Question.Flashcard hablar = (Question.Flashcard) question(deck, "spanish-verbs/what-does-hablar-mean");
        assertThat(hablar.prompt()).isEqualTo("What does hablar mean?");
        assertThat(hablar.back()).isEqualTo("to speak");
        assertThat(hablar.common().tags()).containsExactly("verbs", "Spanish::Grammar");

        Question.Flashcard comer = (Question.Flashcard) question(deck, "spanish-verbs/comer");
        assertThat(comer.back()).isEqualTo("to eat\n(also: to have lunch)");

        Question.Cloze page = (Question.Cloze) question(deck, "os/a-page-is-on");
        assertThat(page.prompt()).isEqualTo(AnkiNoteReader.CLOZE_PROMPT);
        assertThat(page.text()).isEqualTo("A page is ___ on ___.");
        assertThat(page.blanks()).extracting(b -> b.answers().get(0)).containsExactly("4 KiB", "x86");
        assertThat(page.common().hint()).isEqualTo("blank 1: size");
        assertThat(page.common().explanation()).isEqualTo("Huge pages differ.");

        Question.Flashcard beber = (Question.Flashcard) question(deck, "spanish-verbs/beber");
        assertThat(beber.back()).isEqualTo("Meaning: to drink\n\nExample: Bebo agua.");
        assertThat(deck.losses()).isEmpty();
        assertThat(deck.history()).isEmpty();
    }

    @Test
    void aPackageWithSeveralCollectionsIsReadFromTheNewest() {
        AnkiFixture old = AnkiFixture.schema11();
        old.card(old.note(old.basic(), "x", "", "Please update Anki", "old"), 1, 0);
        AnkiFixture current = AnkiFixture.schema18();
        current.card(current.note(current.basic(), "y", "", "The real question", "new"), 1, 0);
        Path legacy = old.write(dir.resolve("old.sqlite"));
        Path latest = current.write(dir.resolve("new.sqlite"));
        Path apkg = AnkiFixture.zip(dir.resolve("both.apkg"), Map.of(
                "collection.anki2", read(legacy),
                "collection.anki21b", AnkiFixture.zstd(read(latest)),
                "meta", new byte[] {0x08, 0x03}));

        Deck deck = new AnkiPackageReader().read(apkg, options(null, false));

        assertThat(deck.concepts().get(0).questions()).extracting(Question::prompt).containsExactly("The real question");
    }

    @Test
    void quizcardsOwnNotesReadBackExactly() {
        AnkiFixture a = AnkiFixture.schema11();
        long basic = a.noteType(AnkiModel.BASIC.noteType, false, List.of("Front", "Back", "Explanation", "Hint"), List.of("Card 1"));
        long cloze = a.noteType(AnkiModel.CLOZE.noteType, true, List.of("Text", "Explanation", "Hint"), List.of("Cloze"));
        long question = a.noteType(AnkiModel.QUESTION.noteType, false, List.of("Front", "Back", "Explanation", "Source"),
                List.of("Card 1"));
        long deck = a.deck("Containers", "What a container is.");
        a.card(a.note(basic, "quizcard:containers/oci", "basics", "What does OCI stand for?", "Open Container Initiative.",
                "It specifies images.", "Three words"), deck, 0);
        a.card(a.note(cloze, "quizcard:containers/see-and-use", "",
                "Fill in the blanks.<br><br>Cgroups limit what a process can {{c1::use}}; namespaces what it can {{c2::see}}.",
                "Use is resources.", ""), deck, 0);
        a.card(a.note(question, "quizcard:containers/shared-kernel", "", "Which kernel?<ul><li>the host's</li></ul>",
                "the host's", "Shared.",
                "{id: shared-kernel, type: single, prompt: Which kernel?, options: [{text: &quot;the host's&quot;, correct: true},"
                        + " {text: its own}], explanation: Shared.}"), deck, 0);

        Deck read = new AnkiPackageReader().read(a.pack(dir, "q.apkg", 2), options(null, false));

        Question.Flashcard oci = (Question.Flashcard) question(read, "containers/oci");
        assertThat(oci.common().explanation()).isEqualTo("It specifies images.");
        assertThat(oci.common().hint()).isEqualTo("Three words");
        assertThat(oci.common().tags()).containsExactly("basics");
        Question.Cloze see = (Question.Cloze) question(read, "containers/see-and-use");
        assertThat(see.prompt()).isEqualTo("Fill in the blanks.");
        assertThat(see.text()).isEqualTo("Cgroups limit what a process can ___; namespaces what it can ___.");
        assertThat(see.common().explanation()).isEqualTo("Use is resources.");
        Question.Single kernel = (Question.Single) question(read, "containers/shared-kernel");
        assertThat(kernel.options()).extracting(Question.Option::text).containsExactly("the host's", "its own");
        assertThat(kernel.options().get(0).correct()).isTrue();
        assertThat(read.concepts().get(0).title()).isEqualTo("Containers");
        assertThat(read.losses()).isEmpty();
    }

    @Test
    void mediaAndEmptyNotesAreListedAsLosses() {
        AnkiFixture a = AnkiFixture.schema11();
        long basic = a.basic();
        long n1 = a.note(basic, "a", "", "Which animal? <img src=\"cat.png\">", "A cat [sound:meow.mp3]");
        long n2 = a.note(basic, "b", "", "<img src=\"only.png\">", "nothing to ask");
        long n3 = a.note(basic, "c", "", "A front", "");
        for (long n : new long[] {n1, n2, n3}) a.card(n, 1, 0);

        Deck deck = new AnkiPackageReader().read(a.pack(dir, "m.apkg", 1), options(null, false));

        assertThat(deck.concepts().get(0).questions()).extracting(Question::prompt).containsExactly("Which animal?");
        assertThat(deck.losses()).extracting(Loss::toString).containsExactly(
                dir.resolve("m.apkg") + ": note " + n1 + " \"Which animal?\": image cat.png: banks hold text only",
                dir.resolve("m.apkg") + ": note " + n1 + " \"Which animal?\": sound meow.mp3: banks hold text only",
                dir.resolve("m.apkg") + ": note " + n2 + ": image only.png: banks hold text only",
                dir.resolve("m.apkg") + ": note " + n2 + ": left out: nothing on the front but media or blanks",
                dir.resolve("m.apkg") + ": note " + n3 + " \"A front\": left out: nothing on the back");
    }

    @Test
    void theConceptOptionPutsEveryNoteInOneConceptAndIdsStayUnique() {
        AnkiFixture a = sample(AnkiFixture.schema18());
        long other = a.noteType("Basic-2", false, List.of("Front", "Back"), List.of("Card 1"));
        a.card(a.note(other, "z1", "", "comer", "again"), 1, 0);
        ImportOptions one = options("spanish", false);

        Deck deck = new AnkiPackageReader().read(a.pack(dir, "d.colpkg", 3), one);

        assertThat(deck.concepts()).extracting(Concept::id).containsExactly("spanish");
        assertThat(deck.concepts().get(0).questions()).extracting(Question::id)
                .containsExactly("what-does-hablar-mean", "comer", "a-page-is-on", "beber", "comer-2");
    }

    @Test
    void filteredDecksCountAsTheCardsHomeDeck() {
        AnkiFixture a = AnkiFixture.schema18();
        long home = a.deck("Geography", "");
        long filtered = a.filteredDeck("Cram today");
        a.card(a.note(a.basic(), "g", "", "Capital of Peru?", "Lima"), filtered, 0, home);

        Deck deck = new AnkiPackageReader().read(a.pack(dir, "f.apkg", 3), options(null, false));

        assertThat(deck.concepts()).extracting(Concept::id).containsExactly("geography");
    }

    @Test
    void historyComesFromTheFirstCardAndOthersAreListed() {
        AnkiFixture a = AnkiFixture.schema11();
        long reversed = a.noteType("Basic (and reversed card)", false, List.of("Front", "Back"), List.of("Card 1", "Card 2"));
        long note = a.note(reversed, "r", "", "perro", "dog");
        long forward = a.card(note, 1, 0);
        long backward = a.card(note, 1, 1);
        long day = 86_400_000L;
        long t0 = Instant.parse("2025-01-01T10:00:00Z").toEpochMilli();
        a.review(forward, t0, 3, 0, 0, 5_000);
        a.review(forward, t0 + day, 3, 1, 2500, 99_000_000);
        a.review(forward, t0 + 2 * day, 0, 4, 2500, 0);
        a.review(forward, t0 + 3 * day, 1, 3, 0, 1_000);
        a.review(forward, t0 + 4 * day, 4, 1, 2500, -5);
        a.review(backward, t0 + 1, 3, 0, 0, 4_000);

        Deck deck = new AnkiPackageReader().read(a.pack(dir, "h.apkg", 1), options(null, true));

        assertThat(deck.history()).containsExactly(
                new PastReview("default/perro", Instant.ofEpochMilli(t0), Rating.GOOD, 5_000),
                new PastReview("default/perro", Instant.ofEpochMilli(t0 + day), Rating.GOOD, 3_600_000),
                new PastReview("default/perro", Instant.ofEpochMilli(t0 + 4 * day), Rating.EASY, 0));
        assertThat(deck.losses()).extracting(Loss::what).containsExactly(
                "the review history of 1 more card (reversed, or other cloze numbers): a question keeps its first card's history");
        assertThat(new AnkiPackageReader().read(a.pack(dir, "h2.apkg", 1), options(null, false)).history()).isEmpty();
    }

    private static byte[] read(Path p) {
        try {
            return java.nio.file.Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
