package org.quizcard.bank;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A question as one line of flow YAML reads back to the same question. */
class QuestionLineTest {
    @Test
    void everyTypeReadsBackWithItsContentHashHintTagsAndSources() {
        for (Question q : Fixtures.demo().questions().toList()) {
            String line = QuestionLine.write(q);
            assertThat(line).as(q.ref()).doesNotContain("\n").startsWith("{").endsWith("}");
            QuestionLine.Read read = QuestionLine.read("source", line, "elsewhere");
            assertThat(read.problem()).as(q.ref()).isNull();
            Question back = read.question();
            assertThat(ContentHash.of(back)).as(q.ref()).isEqualTo(ContentHash.of(q));
            assertThat(back.ref()).isEqualTo("elsewhere/" + q.id());
            assertThat(back.common().hint()).isEqualTo(q.common().hint());
            assertThat(back.common().tags()).isEqualTo(q.common().tags());
            assertThat(back.common().sources()).isEqualTo(q.common().sources());
        }
    }

    @Test
    void textOfSeveralLinesAndQuotesStaysOnOneLine() {
        Question q = new Question.Flashcard(new Question.Common("c", "q", "line one\n  \"two\"\tthree", "", null,
                java.util.List.of(), java.util.List.of(), Position.ofFile("c.yaml")), "b");
        String line = QuestionLine.write(q);
        assertThat(line).doesNotContain("\n").doesNotContain("\t");
        assertThat(QuestionLine.read("s", line, "c").question().prompt()).isEqualTo("line one\n  \"two\"\tthree");
    }

    @Test
    void aBrokenOrSealedLineSaysWhy() {
        assertThat(QuestionLine.read("s", "{\"id\": \"q\", \"type\": \"nine\", \"prompt\": \"p\"}", "c").problem())
                .contains("unknown question type 'nine'");
        assertThat(QuestionLine.read("s", "{\"id\": \"q\", \"type\": \"flashcard\", \"prompt\": \"p\", "
                + "\"sealed\": \"" + "A".repeat(64) + "\"}", "c").problem()).isEqualTo("a sealed question has no answers to import");
        assertThat(QuestionLine.read("s", "[1, 2", "c").question()).isNull();
    }
}
