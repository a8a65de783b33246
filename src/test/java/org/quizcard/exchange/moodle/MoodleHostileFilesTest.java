package org.quizcard.exchange.moodle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.QuizcardException;
import org.quizcard.exchange.Catalogue;
import org.quizcard.exchange.ImportOptions;

/**
 * Hostile and broken Moodle XML: each is one line naming the file, exit 2, and nothing is
 * expanded, fetched or read without bound.
 */
class MoodleHostileFilesTest {
    private static final ImportOptions OPTIONS = new ImportOptions(new Catalogue(Map.of()), null, false);

    @TempDir
    Path dir;

    private QuizcardException refused(String name, String xml) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, xml);
        try {
            new MoodleReader().read(file, OPTIONS);
        } catch (QuizcardException e) {
            assertThat(e.exitCode()).isEqualTo(QuizcardException.BAD_INPUT);
            assertThat(e.getMessage()).startsWith(file.toString()).doesNotContain("\n");
            return e;
        }
        throw new AssertionError(name + " was read");
    }

    @Test
    void billionLaughsIsRefusedForItsDoctype() throws Exception {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE quiz [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        dtd.append("]>\n<quiz><question type=\"shortanswer\"><name><text>&lol9;</text></name></question></quiz>");
        assertThat(refused("laughs.xml", dtd.toString()).getMessage()).endsWith(": XML with a DOCTYPE is not accepted");
    }

    @Test
    void anExternalEntityIsRefusedAndNeverRead() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "the secret");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE quiz [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<quiz><question type=\"description\"><name><text>&x;</text></name></question></quiz>";
        QuizcardException e = refused("xxe.xml", xml);
        assertThat(e.getMessage()).endsWith(": XML with a DOCTYPE is not accepted").doesNotContain("the secret");
    }

    @Test
    void aDoctypeWithoutEntitiesIsRefusedToo() throws Exception {
        assertThat(refused("dtd.xml", "<!DOCTYPE quiz SYSTEM \"quiz.dtd\"><quiz/>").getMessage())
                .endsWith(": XML with a DOCTYPE is not accepted");
    }

    @Test
    void anUndefinedEntityIsMalformedXmlAtItsLineAndColumn() throws Exception {
        assertThat(refused("entity.xml", "<quiz>\n  <question>&nope;</question>\n</quiz>").getMessage())
                .matches(".*entity\\.xml:2:\\d+: not well-formed XML \\(.*nope.*\\)");
    }

    @Test
    void malformedXmlNamesItsLineAndColumn() throws Exception {
        assertThat(refused("broken.xml", "<quiz>\n<question type=\"truefalse\">\n</quiz>").getMessage())
                .matches(".*broken\\.xml:3:\\d+: not well-formed XML \\(.*\\)");
    }

    @Test
    void xIncludeIsNotFollowed() throws Exception {
        Path other = dir.resolve("other.xml");
        Files.writeString(other, "<question type=\"truefalse\"><name><text>included</text></name></question>");
        Path file = dir.resolve("include.xml");
        Files.writeString(file, "<quiz xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"other.xml\"/></quiz>");
        assertThat(new MoodleReader().read(file, OPTIONS).concepts()).isEmpty();
    }

    @Test
    void aDocumentThatIsNotAQuizIsRefused() throws Exception {
        assertThat(refused("rss.xml", "<rss><channel/></rss>").getMessage()).endsWith(": not Moodle XML (the document is <rss>, not <quiz>)");
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsParsed() throws Exception {
        Path big = dir.resolve("big.xml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(MoodleXml.MAX_BYTES + 1L);
        }
        assertThatThrownBy(() -> new MoodleReader().read(big, OPTIONS)).isInstanceOf(QuizcardException.class)
                .hasMessage(big + ": larger than " + MoodleXml.MAX_BYTES + " bytes, too large for a Moodle XML file");
    }

    @Test
    void aDirectoryOrMissingFileIsOneLine() {
        assertThatThrownBy(() -> new MoodleReader().read(dir, OPTIONS)).hasMessage(dir + ": is a directory");
        assertThatThrownBy(() -> new MoodleReader().read(dir.resolve("none.xml"), OPTIONS))
                .hasMessage(dir.resolve("none.xml") + ": no such file");
    }

    @Test
    void controlCharactersInTextNeverReachTheBank() throws Exception {
        Path file = dir.resolve("escapes.xml");
        String question = "<question type=\"truefalse\"><name><text>%s</text></name>"
                + "<questiontext format=\"%s\"><text>%s</text></questiontext>"
                + "<answer fraction=\"100\"><text>true</text></answer><answer fraction=\"0\"><text>false</text></answer>"
                + "</question>";
        // XML 1.0 refuses C0 characters, but allows C1 ones (U+009B is a terminal's CSI); HTML decodes both
        Files.writeString(file, "<quiz>" + question.formatted("c1", "plain_text", "Clear &#x9b;2J the screen?")
                + question.formatted("c0", "html", "<![CDATA[Clear &#27;[2J the screen?]]>") + "</quiz>");
        var read = new MoodleReader().read(file, OPTIONS).concepts().get(0).questions();
        assertThat(read.get(0).prompt()).isEqualTo("Clear \uFFFD2J the screen?");
        assertThat(read.get(1).prompt()).isEqualTo("Clear \uFFFD[2J the screen?");
    }
}
