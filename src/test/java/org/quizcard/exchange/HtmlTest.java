package org.quizcard.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void paragraphsBreaksAndListsKeepTheirShape() {
        Html.Text t = Html.toText("<p>A page is <b>4&nbsp;KiB</b>.</p><p>Two lines:<br>one<br/>two</p>"
                + "<ul><li>first</li><li>second<ol><li>inner</li><li>next</li></ol></li></ul>");
        assertThat(t.text()).isEqualTo("A page is 4 KiB.\n\nTwo lines:\none\ntwo\n\n- first\n- second\n  1. inner\n  2. next");
        assertThat(t.media()).isEmpty();
    }

    @Test
    void preformattedCodeIsKeptAsWritten() {
        Html.Text t = Html.toText("Run:<pre>mount -t proc\n    proc /proc</pre>then <code>ls  /proc</code>.");
        assertThat(t.text()).isEqualTo("Run:\nmount -t proc\n    proc /proc\nthen ls /proc.");
    }

    @Test
    void mediaAreListedNotKeptAndScriptsAreDropped() {
        Html.Text t = Html.toText("<div>See <img src=\"paging.png\"> and <audio src='a.mp3'></audio></div>"
                + "<script>alert(1)</script><style>p{}</style>");
        assertThat(t.text()).isEqualTo("See and");
        assertThat(t.media()).containsExactly("img paging.png", "audio a.mp3");
    }

    @Test
    void tablesBecomeCellsSeparatedByBars() {
        assertThat(Html.toText("<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>").text())
                .isEqualTo("a | b\n1 | 2");
    }

    @Test
    void brokenMarkupAndControlCharactersAreSafe() {
        Html.Text t = Html.toText("<p>open <b>never closed <i>x\u001b[2Jy</p>&lt;tag&gt; &amp; &#x1b;");
        assertThat(t.text()).doesNotContain("\u001b").contains("<tag> &").contains("x\uFFFD[2Jy");
    }

    @Test
    void htmlIsToldFromPlainText() {
        assertThat(Html.looksLikeHtml("a <b>bold</b> word")).isTrue();
        assertThat(Html.looksLikeHtml("x < 3 and y > 2")).isFalse();
        assertThat(Html.looksLikeHtml("<!-- comment -->")).isTrue();
        assertThat(Html.looksLikeHtml(null)).isFalse();
    }
}
