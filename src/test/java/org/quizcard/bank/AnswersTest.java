package org.quizcard.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class AnswersTest {
    /** The definition: NFC, edges stripped, runs of {@code \s} as one space, lower case. */
    private static String byDefinition(String answer) {
        String nfc = Normalizer.normalize(answer, Normalizer.Form.NFC);
        return Pattern.compile("\\s+").matcher(nfc.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    @Property
    void asciiTextIsNormalisedAsByDefinition(
            @ForAll @StringLength(max = 12) @CharRange(from = 0, to = 0x7f) String any,
            @ForAll @StringLength(max = 12) @Chars({' ', '\t', '\n', '\u000B', '\f', '\r', '\u001C', '\u001F',
                'a', 'Z', 'q', '@', '[', '`', '{'}) String spacy) {
        assertThat(Answers.normalise(any)).isEqualTo(byDefinition(any));
        assertThat(Answers.normalise(spacy)).isEqualTo(byDefinition(spacy));
    }

    @Property
    void otherTextIsNormalisedAsByDefinition(@ForAll @StringLength(max = 12) String any) {
        assertThat(Answers.normalise(any)).isEqualTo(byDefinition(any));
    }

    @Test
    void examples() {
        assertThat(Answers.normalise("  The\t Answer \n")).isEqualTo("the answer");
        assertThat(Answers.normalise("\u001CA\u001CB\u001C")).isEqualTo("a\u001Cb");
        assertThat(Answers.normalise("Cafe\u0301  AU LAIT")).isEqualTo("caf\u00e9 au lait");
        assertThat(Answers.normalise("\u2003x\u00a0")).isEqualTo("x\u00a0");
    }
}
