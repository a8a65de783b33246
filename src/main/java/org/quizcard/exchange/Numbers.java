package org.quizcard.exchange;

import java.math.BigDecimal;

/** Numbers as the formats quizcard exports write them. */
public final class Numbers {
    private Numbers() {
    }

    /**
     * A number as Moodle, GIFT and QTI read it back to the same double: plain decimal digits, no
     * exponent, no trailing zeros, a whole number without a point.
     */
    public static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
