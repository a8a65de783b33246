package org.quizcard.srs.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewHistoryTest {

    @Test
    void itemsAreReviewsOnALaterStudyDayWithSameDayReviewsInTheirHistory() {
        List<Review> reviews = List.of(
                new Review("a", Instant.parse("2024-05-02T09:00:00Z"), 3),   // day 1, later in the day
                new Review("a", Instant.parse("2024-05-01T10:00:00Z"), 1),   // day 0
                new Review("a", Instant.parse("2024-05-01T10:05:00Z"), 3),   // day 0 again
                new Review("a", Instant.parse("2024-05-02T03:00:00Z"), 3),   // before 4 am: still day 0
                new Review("b", Instant.parse("2024-05-01T12:00:00Z"), 4),
                new Review("a", Instant.parse("2024-05-05T20:00:00Z"), 2));  // day 4
        ReviewHistory h = ReviewHistory.of(reviews, ZoneOffset.UTC, 4);

        assertThat(h.reviews()).isEqualTo(6);
        assertThat(h.cards()).isEqualTo(2);
        int[] items = h.items();
        assertThat(items).hasSize(2);
        assertThat(h.itemLength(items[0])).isEqualTo(4);
        assertThat(h.delta()[items[0]]).isEqualTo(1);
        assertThat(h.longTermCount()[items[0]]).isEqualTo(1);
        assertThat(h.itemLength(items[1])).isEqualTo(5);
        assertThat(h.delta()[items[1]]).isEqualTo(3);
        assertThat(h.rating()[items[1]]).isEqualTo((byte) 2);
        int a = h.cardOf()[items[0]];
        int[] deltas = new int[5];
        for (int p = h.cardStart()[a]; p < h.cardStart()[a + 1]; p++) {
            deltas[p - h.cardStart()[a]] = h.delta()[p];
        }
        assertThat(deltas).containsExactly(0, 0, 0, 1, 3);
        assertThat(h.firstRating(items[1])).isEqualTo(1);
        assertThat(h.firstLongTermDelta(a)).isEqualTo(1);
    }

    @Test
    void studyDaysFollowTheZone() {
        // 23:30 and 00:30 UTC are the same day in New York (19:30, 20:30) but not in UTC
        List<Review> reviews = List.of(
                new Review("a", Instant.parse("2024-05-01T23:30:00Z"), 3),
                new Review("a", Instant.parse("2024-05-02T00:30:00Z"), 3));

        assertThat(ReviewHistory.of(reviews, ZoneOffset.UTC, 0).items()).hasSize(1);
        assertThat(ReviewHistory.of(reviews, ZoneId.of("America/New_York"), 0).items()).isEmpty();
    }

    @Test
    void initialStabilitiesAreOrderedAndFilledAsFsrsRsDoes() {
        double nan = Double.NaN;
        assertThat(Pretraining.smoothAndFill(new double[] {nan, 0.4, nan, 2.3, 10.9}, new int[] {0, 1, 1, 1, 1}))
                .containsExactly(new double[] {0.4, 1.1227008, 2.3, 10.9}, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(Pretraining.smoothAndFill(new double[] {nan, nan, 0.35, nan, nan}, new int[] {0, 0, 1, 0, 0}))
                .containsExactly(new double[] {0.05738148, 0.35, 0.6242943, 2.2453482},
                        org.assertj.core.data.Offset.offset(1e-6));
        // an inversion is settled in favour of the rating with more data
        assertThat(Pretraining.smoothAndFill(new double[] {nan, 3, 2, 4, 9}, new int[] {0, 1, 50, 50, 50}))
                .containsExactly(2, 2, 4, 9);
    }
}
