package org.quizcard.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormatTest {
    private static Optional<Format> detect(String name, String head) {
        return Format.detect(name, head.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void namesAndFirstBytesTellTheFormat() {
        assertThat(detect("deck.apkg", "")).contains(Format.ANKI);
        assertThat(detect("collection.COLPKG", "")).contains(Format.ANKI);
        assertThat(detect("download", "PK\u0003\u0004rest")).contains(Format.ANKI);
        assertThat(detect("quiz.xml", "")).contains(Format.MOODLE);
        assertThat(detect("export", "\ufeff<?xml version=\"1.0\"?><quiz>")).contains(Format.MOODLE);
        assertThat(detect("q.gift", "")).contains(Format.GIFT);
        assertThat(detect("notes.txt", "#separator:tab\n#html:true\n")).contains(Format.ANKI_TEXT);
        assertThat(detect("notes.txt", "front\tback\n")).contains(Format.ANKI_TEXT);
        assertThat(detect("questions.txt", "// GIFT\n::q1:: Is it? {T}\n")).contains(Format.GIFT);
        assertThat(detect("mystery.bin", "hello")).isEmpty();
    }

    @Test
    void everyFormatHasTheNameFormatTakes() {
        for (Format f : Format.values()) assertThat(Format.of(f.id())).contains(f);
        assertThat(Format.of("pdf")).isEmpty();
        assertThat(Format.QTI.imports()).isFalse();
    }
}
