package org.quizcard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Moodle XML that {@code quizcard export} writes of the shipped banks, checked by a reader
 * quizcard does not share code with: libxml2's {@code xmllint} (Debian's libxml2-utils) parses it
 * and validates it against the structure of Moodle's question format
 * (src/test/resources/moodle/quiz.xsd). No package of npm, Maven Central or Debian reads Moodle
 * XML itself (Moodle's importer is PHP inside Moodle), so this is the third-party check there is.
 */
class MoodleXmllintIT {
    @TempDir
    Path work;

    @Test
    void xmllintParsesTheExportAndFindsItValidAgainstMoodlesStructure() throws Exception {
        assumeTrue(System.getenv("QUIZCARD_ROOT") != null, "an end-to-end test: run it with mvn verify");
        Path xmllint = Path.of("/usr/bin/xmllint");
        assumeTrue(Files.isExecutable(xmllint), "no xmllint (Debian: libxml2-utils): the check is skipped");
        Path xml = work.resolve("os.xml");
        Launcher.Run export = Launcher.run(work, Map.of("QUIZCARD_HOME", work.resolve("home").toString()), "",
                "export", "--format", "moodle", "--out", xml.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        Path schema = Launcher.root().resolve("src/test/resources/moodle/quiz.xsd");
        Process p = new ProcessBuilder(List.of(xmllint.toString(), "--noout", "--nonet", "--schema", schema.toString(),
                xml.toString())).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(said).isZero();
        assertThat(said.strip()).isEqualTo(xml + " validates");
    }
}
