package org.quizcard.exchange.gift;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Bank;
import org.quizcard.bank.BankFile;
import org.quizcard.bank.BankLoader;
import org.quizcard.bank.ContentHash;
import org.quizcard.bank.Fixtures;
import org.quizcard.bank.Question;
import org.quizcard.exchange.Catalogue;
import org.quizcard.exchange.Deck;
import org.quizcard.exchange.ImportOptions;
import org.quizcard.exchange.Loss;

/** Export to GIFT, then import: the same questions, ids and content hashes for every type GIFT expresses. */
class GiftRoundTripTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/exchange/demo.gift");

    @TempDir
    Path dir;

    @Test
    void theDemoBankComesBackTheSame() throws Exception {
        Bank demo = Fixtures.demo();
        Path gift = dir.resolve("demo.gift");
        List<Loss> losses = new GiftWriter().write(demo, gift);
        assertThat(losses.stream().filter(Loss::dropped).map(Loss::where))
                .containsExactly("question containers/start-steps", "question containers/see-and-use");
        assertSameQuestions(demo, gift, losses);
    }

    @Test
    void theShippedBanksComeBackTheSame() throws Exception {
        Bank shipped = BankLoader.load(BankFile.shipped()).orThrow();
        Path gift = dir.resolve("shipped.gift");
        List<Loss> losses = new GiftWriter().write(shipped, gift);
        long kept = assertSameQuestions(shipped, gift, losses);
        assertThat(kept).isGreaterThan(100);
    }

    @Test
    void theDemoExportIsTheGoldenFile() throws Exception {
        String text = new GiftWriter().text(Fixtures.demo());
        if (Boolean.getBoolean("quizcard.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, text);
        }
        assertThat(text).isEqualTo(Files.readString(GOLDEN));
    }

    /** Every question not left out reads back under its concept and id with its content hash; returns how many. */
    static long assertSameQuestions(Bank bank, Path gift, List<Loss> losses) {
        Deck deck = new GiftReader().read(gift, new ImportOptions(new Catalogue(bank.misconceptions()), null, false));
        Set<String> dropped = losses.stream().filter(Loss::dropped).map(l -> l.where().substring("question ".length()))
                .collect(Collectors.toSet());
        Map<String, Question> read = new LinkedHashMap<>();
        deck.concepts().forEach(c -> c.questions().forEach(q -> read.put(q.ref(), q)));
        long kept = 0;
        for (Question q : bank.questions().toList()) {
            if (dropped.contains(q.ref())) {
                assertThat(read).doesNotContainKey(q.ref());
                continue;
            }
            kept++;
            Question back = read.get(q.ref());
            assertThat(back).as(q.ref()).isNotNull();
            assertThat(back.type()).as(q.ref()).isEqualTo(q.type());
            assertThat(back.common().tags()).as(q.ref()).isEqualTo(q.common().tags());
            Question expected = withoutReportedParts(q, losses);
            assertThat(ContentHash.of(back)).as(q.ref() + "\n" + back + "\n" + expected).isEqualTo(ContentHash.of(expected));
        }
        assertThat(read).hasSize((int) kept);
        assertThat(deck.misconceptions()).allSatisfy(m -> assertThat(bank.misconceptions()).containsKey(m.id()));
        assertThat(deck.losses()).as("nothing lost reading quizcard's own export").isEmpty();
        return kept;
    }

    /**
     * The question as GIFT carries it: a typed answer's pattern and a flashcard's explanation
     * are left out, and the export said so.
     */
    private static Question withoutReportedParts(Question q, List<Loss> losses) {
        List<String> said = losses.stream().filter(l -> l.where().equals("question " + q.ref())).map(Loss::what).toList();
        if (q instanceof Question.Text t && t.regex() != null) {
            assertThat(said).anyMatch(w -> w.startsWith("its pattern"));
            return new Question.Text(t.common(), t.answers(), null, t.wrong());
        }
        if (q instanceof Question.Flashcard f && !f.common().explanation().isBlank()) {
            assertThat(said).anyMatch(w -> w.startsWith("its explanation"));
            Question.Common c = f.common();
            return new Question.Flashcard(new Question.Common(c.concept(), c.id(), c.prompt(), "", c.hint(), c.tags(),
                    c.sources(), c.where()), f.back());
        }
        return q;
    }
}
