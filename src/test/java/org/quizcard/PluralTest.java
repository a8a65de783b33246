package org.quizcard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluralTest {
    @Test
    void oneIsSingularAndEveryOtherCountPlural() {
        assertThat(Plural.of(1, "review")).isEqualTo("1 review");
        assertThat(Plural.of(0, "review")).isEqualTo("0 reviews");
        assertThat(Plural.of(2, "day")).isEqualTo("2 days");
        assertThat(Plural.of(-1, "day")).isEqualTo("-1 days");
    }

    @Test
    void fractionsOfPointsAgreeToo() {
        assertThat(Plural.noun(1.0, "point")).isEqualTo("point");
        assertThat(Plural.noun(0.5, "point")).isEqualTo("points");
        assertThat(Plural.noun(1.5, "point")).isEqualTo("points");
    }
}
