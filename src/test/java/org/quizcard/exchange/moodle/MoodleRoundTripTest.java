package org.quizcard.exchange.moodle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Bank;
import org.quizcard.bank.BankFile;
import org.quizcard.bank.BankLoader;
import org.quizcard.bank.Concept;
import org.quizcard.bank.ContentHash;
import org.quizcard.bank.Fixtures;
import org.quizcard.bank.Question;
import org.quizcard.exchange.Catalogue;
import org.quizcard.exchange.Deck;
import org.quizcard.exchange.ImportOptions;
import org.quizcard.exchange.Loss;

/**
 * Export to Moodle XML, then import: every question comes back with its concept, id and content
 * hash, its misconceptions tagged again, for the demo bank (every type) and the shipped banks.
 */
class MoodleRoundTripTest {
    @TempDir
    Path dir;

    private Deck roundTrip(Bank bank, List<Loss> exportLosses) throws Exception {
        Path xml = dir.resolve("bank.xml");
        exportLosses.addAll(new MoodleWriter().write(bank, xml));
        return new MoodleReader().read(xml, new ImportOptions(new Catalogue(bank.misconceptions()), null, false));
    }

    private static Map<String, Question> byRef(List<Concept> concepts) {
        Map<String, Question> refs = new LinkedHashMap<>();
        concepts.forEach(c -> c.questions().forEach(q -> refs.put(q.ref(), q)));
        return refs;
    }

    private static void assertSameQuestions(Bank bank, Deck deck) {
        Map<String, Question> back = byRef(deck.concepts());
        Map<String, Question> original = byRef(bank.concepts());
        assertThat(back.keySet()).containsExactlyElementsOf(original.keySet());
        original.forEach((ref, q) -> {
            Question b = back.get(ref);
            assertThat(b).as(ref).usingRecursiveComparison().ignoringFieldsOfTypes(org.quizcard.bank.Position.class)
                    .isEqualTo(q);
            assertThat(ContentHash.of(b)).as(ref).isEqualTo(ContentHash.of(q));
        });
        for (Concept c : bank.concepts()) {
            Concept read = deck.concepts().stream().filter(d -> d.id().equals(c.id())).findFirst().orElseThrow();
            assertThat(read.title()).isEqualTo(c.title());
            assertThat(read.summary()).isEqualTo(c.summary());
            assertThat(read.sources()).isEqualTo(c.sources());
        }
    }

    @Test
    void theDemoBankComesBackWholeWithEveryType() throws Exception {
        Bank demo = Fixtures.demo();
        List<Loss> exportLosses = new java.util.ArrayList<>();
        Deck deck = roundTrip(demo, exportLosses);
        assertThat(exportLosses).isEmpty();
        assertThat(deck.losses()).isEmpty();
        assertSameQuestions(demo, deck);
        assertThat(deck.misconceptions()).extracting(m -> m.id())
                .containsExactlyInAnyOrderElementsOf(demo.misconceptions().keySet());
    }

    @Test
    void theShippedBanksComeBackWhole() throws Exception {
        Bank shipped = BankLoader.load(BankFile.shipped()).orThrow();
        List<Loss> exportLosses = new java.util.ArrayList<>();
        Deck deck = roundTrip(shipped, exportLosses);
        assertThat(deck.losses()).isEmpty();
        // what Moodle cannot hold: a short answer's regex, and the lint rules a question silences
        assertThat(exportLosses).isNotEmpty().allSatisfy(l -> assertThat(l.what()).matches("(regex|lint-allow) .*"));
        assertThat(exportLosses).noneMatch(Loss::dropped);
        assertSameQuestions(asMoodleHoldsIt(shipped), deck);
    }

    /** The bank without what the export listed as lost: regexes, and questions' lint-allow. */
    private static Bank asMoodleHoldsIt(Bank bank) {
        List<Concept> concepts = bank.concepts().stream().map(c -> new Concept(c.id(), c.title(), c.summary(), c.sources(),
                c.questions().stream().map(MoodleRoundTripTest::asMoodleHoldsIt).toList(), c.where(), c.lintAllow()))
                .toList();
        return new Bank(concepts, bank.misconceptions());
    }

    private static Question asMoodleHoldsIt(Question q) {
        Question.Common c = q.common();
        Question plain = q.with(new Question.Common(c.concept(), c.id(), c.prompt(), c.explanation(), c.hint(), c.tags(),
                c.sources(), c.where()));
        return plain instanceof Question.Text t && t.regex() != null
                ? new Question.Text(t.common(), t.answers(), null, t.wrong()) : plain;
    }
}
