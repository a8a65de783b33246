package org.quizcard.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Fixtures;
import org.quizcard.bank.Question;

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
}
