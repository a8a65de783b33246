package org.quizcard.exchange.anki;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quizcard.store.anki.AnkiRecords.Revlog;

class AnkiHistoryTest {
    private static Revlog row(long at, int ease, int type, int factor) {
        return new Revlog(at, 1, ease, factor, 1000, type);
    }

    private static List<Long> kept(Revlog... rows) {
        return AnkiHistory.kept(List.of(rows)).stream().map(Revlog::id).toList();
    }

    @Test
    void cramAndManualRowsAreDropped() {
        assertThat(kept(row(1, 3, 0, 0), row(2, 3, 3, 0), row(3, 3, 3, 2500), row(4, 0, 4, 2500), row(5, 2, 4, 2500),
                row(6, 0, 5, 0), row(7, 4, 1, 2500))).containsExactly(1L, 3L, 7L);
    }

    @Test
    void historyStartsAtTheLastFirstLearningStep() {
        // learnt, reviewed, reset, learnt again: the first learning run is forgotten
        assertThat(kept(row(1, 1, 0, 0), row(2, 3, 0, 0), row(3, 3, 1, 2500), row(4, 0, 4, 0),
                row(5, 1, 0, 0), row(6, 3, 0, 0), row(7, 3, 1, 2500))).containsExactly(5L, 6L, 7L);
        // relearning (type 2) after a lapse is part of the history, not a new start
        assertThat(kept(row(1, 3, 0, 0), row(2, 1, 1, 2500), row(3, 3, 2, 2300), row(4, 3, 1, 2300)))
                .containsExactly(1L, 2L, 3L, 4L);
        // a card learnt twice without a reset row (older Anki): the last learning run starts it
        assertThat(kept(row(1, 3, 0, 0), row(2, 3, 1, 2500), row(3, 2, 0, 0), row(4, 3, 1, 2500)))
                .containsExactly(3L, 4L);
    }

    @Test
    void aCardWithoutLearningRowsStartsAtItsFirstRatedRowAfterTheLastReset() {
        assertThat(kept(row(1, 3, 1, 2500), row(2, 0, 4, 0), row(3, 2, 1, 2500), row(4, 3, 1, 2500)))
                .containsExactly(3L, 4L);
        assertThat(kept(row(1, 3, 1, 2500), row(2, 0, 4, 0))).isEmpty();
        assertThat(kept()).isEmpty();
    }
}
