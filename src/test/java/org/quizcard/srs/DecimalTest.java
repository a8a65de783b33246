package org.quizcard.srs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalTest {

    @Test
    void digitsAreThoseOfLongToString() {
        long[] edges = {0, 9, 10, 99, 100, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, 99_999_999L, 100_000_000L,
            1_700_000_000_000L, 999_999_999_999_999_999L, Long.MAX_VALUE};
        for (long value : edges) {
            assertWritesLikeLongToString(value);
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            assertWritesLikeLongToString(random.nextLong(Long.MAX_VALUE) >>> random.nextInt(63));
        }
    }

    private static void assertWritesLikeLongToString(long value) {
        char[] out = new char[24];
        out[0] = '<';
        int end = Decimal.write(value, out, 1);
        out[end] = '>';
        assertThat(new String(out, 0, end + 1)).isEqualTo("<" + value + ">");
        assertThat(Decimal.length(value)).isEqualTo(Long.toString(value).length());
    }

    @Test
    void aFieldKeepsItsLastDigitsWithLeadingZeros() {
        char[] out = new char[12];
        Decimal.write(42, out, 0, 5);
        Decimal.write(1_700_000_000_123L, out, 5, 12);
        assertThat(new String(out)).isEqualTo("000420000123");
    }

    @Test
    void divisionByTenIsExactForEveryInt() {
        for (long v = 0; v <= Integer.MAX_VALUE; v += 9_973) {
            assertThat(Decimal.div10((int) v)).isEqualTo((int) v / 10);
        }
        assertThat(Decimal.div10(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE / 10);
    }
}
