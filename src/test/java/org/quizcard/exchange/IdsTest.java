package org.quizcard.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void textBecomesLowerCaseWordsJoinedByHyphens() {
        assertThat(Ids.slug("What is a Page Table?")).isEqualTo("what-is-a-page-table");
        assertThat(Ids.slug("Café — Übung 2")).isEqualTo("cafe-ubung-2");
        assertThat(Ids.slug("  ***  ")).isEmpty();
        assertThat(Ids.slug("word ".repeat(30)).length()).isLessThanOrEqualTo(Ids.MAX_LENGTH);
    }

    @Test
    void idsAreNeverGivenTwice() {
        Ids ids = new Ids();
        assertThat(ids.take("page")).isTrue();
        assertThat(ids.unique("Page", "x")).isEqualTo("page-2");
        assertThat(ids.unique("page", "x")).isEqualTo("page-3");
        assertThat(ids.unique("???", "note 12")).isEqualTo("note-12");
        assertThat(ids.unique("", "")).isEqualTo("item");
        assertThat(ids.take("page")).isFalse();
    }

    @Test
    void validIdsAreThoseLintAccepts() {
        assertThat(Ids.valid("virtual-memory")).isTrue();
        assertThat(Ids.valid("a1-b2")).isTrue();
        assertThat(Ids.valid("Virtual")).isFalse();
        assertThat(Ids.valid("a--b")).isFalse();
        assertThat(Ids.valid("-a")).isFalse();
        assertThat(Ids.valid("a b")).isFalse();
        assertThat(Ids.valid("")).isFalse();
    }
}
