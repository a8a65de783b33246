package org.quizcard.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Fixtures;
import org.quizcard.bank.Question;
import org.quizcard.srs.Card;
import org.quizcard.srs.Fsrs;
import org.quizcard.srs.Rating;
import org.quizcard.srs.SchedulerConfig;

class DrawTest {
    private final Bank bank = Fixtures.demo();

    @Test
    void sameSeedSameQuiz() {
        List<Question> pool = Draw.pool(bank, Set.of(), Set.of());
        assertThat(Draw.quiz(pool, 5, new SplittableRandom(3))).isEqualTo(Draw.quiz(pool, 5, new SplittableRandom(3)))
                .hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void filtersByTagAndRefusesUnknownConcepts() {
        assertThat(Draw.pool(bank, Set.of("containers"), Set.of("basics"))).extracting(Question::id)
                .containsExactly("shared-kernel");
        assertThatThrownBy(() -> Draw.pool(bank, Set.of("nope"), Set.of())).isInstanceOf(QuizcardException.class)
                .hasMessage("unknown concept 'nope' (known: containers)");
        assertThatThrownBy(() -> Draw.pool(bank, Set.of(), Set.of("zzz"))).hasMessage("no questions match the tags [zzz]");
    }

    @Test
    void interleavingAlternatesConcepts() {
        Question a1 = bank.question("containers/oci").orElseThrow();
        Question a2 = bank.question("containers/shared-kernel").orElseThrow();
        Question b1 = new Question.Flashcard(new Question.Common("other", "x", "p", "e", null, List.of(), List.of(), null), "b");
        assertThat(Draw.interleave(List.of(a1, a2, b1))).containsExactly(a1, b1, a2);
    }

    @Test
    void theWeakestAreTheReviewedQuestionsWithTheLowestRetrievabilityAndNoNewOnes() {
        Fsrs fsrs = new Fsrs(SchedulerConfig.defaults().withEnableFuzz(false).withZone(ZoneOffset.UTC));
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        Card longAgo = fsrs.review(Card.NEW, now.minus(Duration.ofDays(60)), Rating.GOOD);
        Card lastWeek = fsrs.review(Card.NEW, now.minus(Duration.ofDays(7)), Rating.GOOD);
        Card yesterday = fsrs.review(Card.NEW, now.minus(Duration.ofDays(1)), Rating.EASY);
        List<Question> pool = Draw.pool(bank, Set.of(), Set.of());
        Map<String, Card> cards = Map.of("containers/oci", yesterday, "containers/shared-kernel", longAgo,
                "containers/vm-statement", lastWeek, "containers/what-is-it", Card.NEW);
        assertThat(fsrs.retrievability(longAgo, now)).isLessThan(fsrs.retrievability(lastWeek, now));
        assertThat(fsrs.retrievability(lastWeek, now)).isLessThan(fsrs.retrievability(yesterday, now));

        assertThat(Draw.weakest(pool, cards, fsrs, now, 2)).extracting(Question::id)
                .containsExactly("shared-kernel", "vm-statement");
        assertThat(Draw.weakest(pool, cards, fsrs, now, 1)).extracting(Question::id).containsExactly("shared-kernel");
        // never reviewed (no card, or a new one): left out, so fewer come back than were asked for
        assertThat(Draw.weakest(pool, cards, fsrs, now, 10)).extracting(Question::id)
                .containsExactly("shared-kernel", "vm-statement", "oci");
        assertThat(Draw.weakest(pool, Map.of(), fsrs, now, 10)).isEmpty();
        // only the pool's questions
        assertThat(Draw.weakest(Draw.pool(bank, Set.of(), Set.of("vm")), cards, fsrs, now, 10)).extracting(Question::id)
                .containsExactly("vm-statement");
    }
}
