package org.quizcard.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.quizcard.bank.Answers;
import org.quizcard.bank.Question;

class CheckerPropertiesTest {

    @Property
    void orderScoreIsInUnitRangeAndOneOnlyForTheRightOrder(@ForAll @IntRange(min = 2, max = 9) int n,
                                                           @ForAll long seed) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) items.add("item " + i);
        Question.Order q = new Question.Order(CheckerTest.common("o"), items);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) order.add(i);
        Collections.shuffle(order, new Random(seed));
        double score = Checker.check(q, new Response.Sequence(order)).score();
        assertThat(score).isBetween(1.0 / n, 1.0);
        boolean sorted = order.equals(order.stream().sorted().toList());
        assertThat(score == 1.0).isEqualTo(sorted);
    }

    @Property
    void longestIncreasingSubsequenceMatchesBruteForce(@ForAll @IntRange(min = 1, max = 8) int n, @ForAll long seed) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < n; i++) values.add(i);
        Collections.shuffle(values, new Random(seed));
        int best = 0;
        for (int mask = 1; mask < 1 << n; mask++) {
            int last = -1;
            boolean increasing = true;
            for (int i = 0; i < n && increasing; i++) {
                if ((mask & 1 << i) != 0) {
                    increasing = values.get(i) > last;
                    last = values.get(i);
                }
            }
            if (increasing) best = Math.max(best, Integer.bitCount(mask));
        }
        assertThat(Checker.longestIncreasingSubsequence(values)).isEqualTo(best);
    }

    @Property
    void multipleScoreStaysInUnitRange(@ForAll @IntRange(min = 0, max = 63) int rightMask,
                                       @ForAll @IntRange(min = 1, max = 63) int pickMask) {
        List<Question.Option> options = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            boolean right = (rightMask & 1 << i) != 0 || i == 0;
            options.add(new Question.Option("o" + i, right, null, null));
        }
        List<Integer> picks = new ArrayList<>();
        for (int i = 0; i < 6; i++) if ((pickMask & 1 << i) != 0) picks.add(i);
        double score = Checker.check(new Question.Multiple(CheckerTest.common("m"), options),
                new Response.Choice(picks)).score();
        assertThat(score).isBetween(0.0, 1.0);
    }

    @Property
    void damerauLevenshteinIsASymmetricDistance(@ForAll @StringLength(max = 12) String a,
                                                @ForAll @StringLength(max = 12) String b) {
        assertThat(Answers.distance(a, b)).isEqualTo(Answers.distance(b, a));
        assertThat(Answers.distance(a, a)).isZero();
        assertThat(Answers.distance(a, b)).isLessThanOrEqualTo(Math.max(a.length(), b.length()));
    }
}
