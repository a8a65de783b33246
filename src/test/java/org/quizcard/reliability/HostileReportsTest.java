package org.quizcard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.cli.CliRunner;

/**
 * A student's answers holding terminal escape sequences, control characters and markup, graded
 * at full feedback: no raw control character in JUnit XML (which must still parse), JSON, the
 * Markdown summary, the annotations or the printed report.
 */
class HostileReportsTest {
    private static final String DEMO = HostileAnswersTest.DEMO.toString();
    private static final String EVIL = "\\e]0;PWNED\\a\\e[2J\\x9b31m\\0\\b <script>alert(1)</script> ]]> &amp; %0A::error::x";

    @TempDir
    Path dir;

    @Test
    void hostileResponsesNeverReachReportsRaw() throws Exception {
        Path assignment = Files.writeString(dir.resolve("assignment.yaml"),
                "id: week-1\ntitle: Week 1\ndraw:\n  - concept: containers\n    count: 8\nfeedback: full\n");
        Path answers = dir.resolve("answers.yaml");
        CliRunner.Run exam = new CliRunner().run("exam", assignment.toString(), "--student", "alice", "--template",
                "--out", answers.toString(), "--bank", DEMO);
        assertThat(exam.exit()).as(exam.err()).isZero();
        String text = Files.readString(answers)
                .replace("  containers/what-is-it:\n", "  containers/what-is-it: \"" + EVIL + "\"\n")
                .replace("    - ''\n    - ''\n", "    - \"" + EVIL + "\"\n    - \"use\\e[8m\"\n");
        Files.writeString(answers, text);
        Path out = Files.createDirectories(dir.resolve("out"));
        Path githubOutput = out.resolve("github-output");
        CliRunner.Run grade = new CliRunner().env("GITHUB_OUTPUT", githubOutput.toString()).run("grade",
                assignment.toString(), answers.toString(), "--bank", DEMO, "--junit", out.resolve("g.xml").toString(),
                "--json", out.resolve("g.json").toString(), "--summary", out.resolve("s.md").toString(), "--github",
                "--classroom");
        assertThat(grade.exit()).as(grade.err()).isEqualTo(1);
        CliRunner.Run printed = new CliRunner().run("grade", assignment.toString(), answers.toString(), "--bank", DEMO);
        for (String report : List.of(grade.out(), grade.err(), printed.out(), printed.err(),
                Files.readString(out.resolve("g.xml")), Files.readString(out.resolve("s.md")), Files.readString(githubOutput))) {
            assertThat(HostileFiles.hasRawControl(report)).as(report).isFalse();
        }
        // JSON is data: it keeps the response as typed, with C0 controls escaped as the format requires
        assertThat(Files.readString(out.resolve("g.json"))).doesNotContainPattern("[\\x00-\\x09\\x0b-\\x1f\\x7f]")
                .contains("\\u001B]0;PWNED");
        String xml = Files.readString(out.resolve("g.xml"));
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(out.resolve("g.xml"))));
        assertThat(xml).doesNotContain("<script>");
        // an annotation is one line: a response cannot start a second workflow command
        assertThat(grade.out().lines()).allMatch(l -> l.startsWith("::") || l.isBlank());
    }
}
