package org.quizcard.exchange;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Question;
import org.quizcard.srs.PastReview;
import org.quizcard.srs.Rating;
import static org.assertj.core.api.Assertions.assertThat;

class RebindTest {
    private static Question card(String concept, String id, String front) {
        return new Question.Flashcard(new Question.Common(concept, id, front, "", null, List.of(), List.of(), null), "back");
    }

    private static Deck deck(Concept c, List<PastReview> history) {
        return new Deck(List.of(c), List.of(), List.of(Loss.part("f: note 1", "image a.png")), history);
    }

    @Test
    void conceptsOfTheSameIdMergeAndRepeatedIdsGetANumberTheirHistoryFollows() {
        Instant at = Instant.parse("2026-01-01T10:00:00Z");
        Deck first = deck(new Concept("paging", "Paging", "", List.of(), List.of(card("paging", "tlb", "TLB?")), null),
                List.of(new PastReview("paging/tlb", at, Rating.GOOD, 1000)));
        Deck second = deck(new Concept("paging", "Paging again", "", List.of(), List.of(card("paging", "tlb", "TLB 2?")), null),
                List.of(new PastReview("paging/tlb", at, Rating.AGAIN, 2000)));
        Deck merged = Rebind.merge(List.of(first, second));
        assertThat(merged.concepts()).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("Paging");
            assertThat(c.questions()).extracting(Question::id).containsExactly("tlb", "tlb-2");
            assertThat(c.questions()).extracting(Question::prompt).containsExactly("TLB?", "TLB 2?");
        });
        assertThat(merged.history()).extracting(PastReview::ref).containsExactly("paging/tlb", "paging/tlb-2");
        assertThat(merged.losses()).hasSize(2);
    }

    @Test
    void aDeckTooLargeForOneFileBecomesPartsInTheOrderItsNotesWereMade() {
        List<Question> many = new java.util.ArrayList<>();
        for (int i = 0; i < Rebind.MAX_QUESTIONS + 3; i++) many.add(card("words", "w" + i, "word " + i));
        Instant at = Instant.parse("2026-01-01T10:00:00Z");
        String last = "words/w" + (Rebind.MAX_QUESTIONS + 2);
        Deck big = deck(new Concept("words", "Words", "", List.of(), many, null),
                List.of(new PastReview("words/w0", at, Rating.GOOD, 0), new PastReview(last, at, Rating.GOOD, 0)));
        Deck merged = Rebind.merge(List.of(big));
        assertThat(merged.concepts()).extracting(Concept::id).containsExactly("words", "words-part-2");
        assertThat(merged.concepts().get(0).questions()).hasSize(Rebind.MAX_QUESTIONS);
        assertThat(merged.concepts().get(1).title()).isEqualTo("Words (part 2)");
        assertThat(merged.concepts().get(1).questions()).extracting(Question::ref)
                .containsExactly("words-part-2/w5000", "words-part-2/w5001", "words-part-2/w5002");
        assertThat(merged.history()).extracting(PastReview::ref).containsExactly("words/w0", "words-part-2/w5002");
    }
}
