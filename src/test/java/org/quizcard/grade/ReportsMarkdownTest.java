package org.quizcard.grade;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportsMarkdownTest {
    @Test
    void everyValueIsEscapedSoItCannotFormatAnything() {
        assertThat(ReportText.md("**✅ passed** [x](http://e) `c` _i_ ~s~ | # !")).isEqualTo(
                "\\*\\*✅ passed\\*\\* \\[x\\]\\(http://e\\) \\`c\\` \\_i\\_ \\~s\\~ \\| \\# \\!");
        assertThat(ReportText.md("<b>&\u001b")).isEqualTo("&lt;b&gt;&amp; ");
    }
}
