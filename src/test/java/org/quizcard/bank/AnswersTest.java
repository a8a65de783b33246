package org.quizcard.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class AnswersTest {
    /**
     * The definition, written with regular expressions: NFC; a hyphen between two letters or
     * digits and every run of spacing as one space; quotes, backticks and spaces off both edges
     * and sentence punctuation off the end; lower case; a leading article dropped.
     */
    private static String byDefinition(String answer) {
        String s = Normalizer.normalize(answer, Normalizer.Form.NFC)
                .replaceAll("(?<=[\\p{IsLetter}\\p{IsDigit}])-(?=[\\p{IsLetter}\\p{IsDigit}])", " ")
                .replaceAll("[\\s\\x1C-\\x1F\\p{Z}]+", " ")
                .replaceAll("^[\"'`\u2018\u2019\u201C\u201D ]+", "")
                .replaceAll("[\"'`\u2018\u2019\u201C\u201D .,;:!?]+$", "")
                .toLowerCase(Locale.ROOT);
        return s.replaceFirst("^(a|an|the) (?=.)", "");
    }

    @Property
    void asciiTextIsNormalisedAsByDefinition(
            @ForAll @StringLength(max = 12) @CharRange(from = 0, to = 0x7f) String any,
            @ForAll @StringLength(max = 14) @Chars({' ', '\t', '\n', '\u000B', '\u001C', '-', '.', '?', '"', '`',
                'a', 'A', 'n', 'T', 'h', 'e', '4', '/'}) String spacy) {
        assertThat(Answers.normalise(any)).isEqualTo(byDefinition(any));
        assertThat(Answers.normalise(spacy)).isEqualTo(byDefinition(spacy));
    }

    @Property
    void otherTextIsNormalisedAsByDefinition(
            @ForAll @StringLength(max = 12) @Chars({'\u00a0', '\u2003', '\u2019', '\u201C', 'e', '\u0301', '\u00c9',
                '\u0130', '-', ' ', 'x', '\u00df'}) String any) {
        assertThat(Answers.normalise(any)).isEqualTo(byDefinition(any));
    }

    @Test
    void examples() {
        assertThat(Answers.normalise("  The\t Answer \n")).isEqualTo("answer");
        assertThat(Answers.normalise("\u001CX\u001CB\u001C")).isEqualTo("x b");
        assertThat(Answers.normalise("Cafe\u0301  AU LAIT")).isEqualTo("caf\u00e9 au lait");
        assertThat(Answers.normalise("\u2003x\u00a0")).isEqualTo("x");
        assertThat(Answers.normalise("`Copy-on-Write`.")).isEqualTo("copy on write");
        assertThat(Answers.normalise("/dev/fuse")).isEqualTo("/dev/fuse");
        assertThat(Answers.normalise("-accel kvm")).isEqualTo("-accel kvm");
        assertThat(Answers.normalise("a")).isEqualTo("a");
    }

    @Test
    void singularAndPluralAreTheSameWord() {
        assertThat(Answers.sameWords("process", "processes")).isTrue();
        assertThat(Answers.sameWords("linux processes", "linux process")).isTrue();
        assertThat(Answers.sameWords("cgroups", "cgroup")).isTrue();
        assertThat(Answers.sameWords("pid", "pids")).isTrue();
        assertThat(Answers.sameWords("as", "a")).isFalse();
        assertThat(Answers.sameWords("ring 3", "ring 30")).isFalse();
        assertThat(Answers.sameWords("kernel space", "kernel")).isFalse();
    }
}
