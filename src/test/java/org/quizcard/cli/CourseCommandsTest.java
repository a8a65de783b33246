package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The teacher's and student's commands on the shipped example course. */
class CourseCommandsTest {
    private static final Path COURSE = Path.of("examples/course").toAbsolutePath();
    private static final String ASSIGNMENT = COURSE.resolve("assignment.yaml").toString();

    @TempDir
    Path dir;

    private static String answers(String kind) {
        return COURSE.resolve("answers/" + kind + ".yaml").toString();
    }

    @Test
    void theExampleAnswersPassFailAndFallShortAsDocumented() {
        CliRunner.Run pass = new CliRunner().run("grade", ASSIGNMENT, answers("pass"));
        assertThat(pass.exit()).as(pass.err()).isZero();
        assertThat(pass.out()).contains("✅ passed with 16/16 points");
        CliRunner.Run partial = new CliRunner().run("grade", ASSIGNMENT, answers("partial"));
        assertThat(partial.exit()).isEqualTo(1);
        assertThat(partial.out()).contains("❌ not passed with 8/16 points").doesNotContain("Failed the gate");
        CliRunner.Run fail = new CliRunner().run("grade", ASSIGNMENT, answers("fail"));
        assertThat(fail.exit()).isEqualTo(1);
        assertThat(fail.out()).contains("Failed the gate on: `container-is-lightweight-vm`",
                "Misconceptions your answers revealed");
    }

    @Test
    void reportsAreWrittenAndByteIdenticalAcrossRuns() throws Exception {
        byte[][] first = null;
        for (int run = 0; run < 2; run++) {
            Path out = Files.createDirectories(dir.resolve("run" + run));
            Path githubOutput = out.resolve("github-output");
            CliRunner.Run r = new CliRunner().env("GITHUB_OUTPUT", githubOutput.toString()).run("grade", ASSIGNMENT,
                    answers("partial"), "--junit", out.resolve("grade.xml").toString(), "--json",
                    out.resolve("grade.json").toString(), "--summary", out.resolve("summary.md").toString(),
                    "--github", "--classroom");
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).contains("::error file=" + answers("partial") + ",line=", "::warning file=");
            byte[][] files = {Files.readAllBytes(out.resolve("grade.xml")), Files.readAllBytes(out.resolve("grade.json")),
                Files.readAllBytes(out.resolve("summary.md")), Files.readAllBytes(githubOutput),
                r.out().getBytes(StandardCharsets.UTF_8)};
            if (first == null) first = files;
            else for (int i = 0; i < files.length; i++) assertThat(files[i]).isEqualTo(first[i]);
        }
        String output = Files.readString(dir.resolve("run0/github-output")).strip();
        assertThat(output).startsWith("result=");
        JsonNode classroom = JsonMapper.shared().readTree(Base64.getDecoder().decode(output.substring(7)));
        assertThat(classroom.get("version").asInt()).isEqualTo(1);
        assertThat(classroom.get("status").asString()).isEqualTo("fail");
        assertThat(classroom.get("max_score").asDouble()).isEqualTo(16.0);
        assertThat(classroom.get("tests")).hasSize(12);
        double total = 0;
        for (JsonNode t : classroom.get("tests")) total += t.get("score").asDouble();
        assertThat(total).isEqualTo(8.0);
        JsonNode json = JsonMapper.shared().readTree(dir.resolve("run0/grade.json").toFile());
        assertThat(json.get("student").asString()).isEqualTo("octocat");
        assertThat(json.get("total").get("earned").asDouble()).isEqualTo(8.0);
        assertThat(json.get("questions")).hasSize(12);
    }

    @Test
    void classroomWithoutGithubOutputIsBadInput() {
        CliRunner.Run r = new CliRunner().run("grade", ASSIGNMENT, answers("pass"), "--classroom");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("quizcard grade: --classroom needs GITHUB_OUTPUT (it is set in GitHub Actions)\n");
    }

    @Test
    void answersOfAnotherStudentAreBadInputNamingTheLines() throws Exception {
        Path other = dir.resolve("other.yaml");
        Files.writeString(other, Files.readString(Path.of(answers("pass"))).replace("student: octocat", "student: hubot"));
        CliRunner.Run r = new CliRunner().run("grade", ASSIGNMENT, other.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("quizcard grade: " + other + ":").contains("is not a question of this student's variant");
    }

    @Test
    void aStudentTakesTheExamInPlainModeAndTheAnswersGrade() throws Exception {
        Path out = dir.resolve("answers.yaml");
        // answer the first two questions, skip the rest (end of input)
        CliRunner.Run exam = new CliRunner().stdin("b\nfalse\n").run("exam", ASSIGNMENT, "--student", "octocat",
                "--plain", "--out", out.toString());
        assertThat(exam.exit()).as(exam.err()).isZero();
        assertThat(exam.out()).contains("Question 1 of 12", "Answered ").doesNotContain("score", "✓", "✗");
        assertThat(Files.readString(out)).contains("student: octocat");
        CliRunner.Run grade = new CliRunner().run("grade", ASSIGNMENT, out.toString());
        assertThat(grade.exit()).isEqualTo(1);
        CliRunner.Run again = new CliRunner().run("exam", ASSIGNMENT, "--student", "octocat", "--out", out.toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("exists: pass --force");
    }

    @Test
    void sealedBanksGiveTheSameVariantAndGradeOnlyWithTheKey() throws Exception {
        Path key = dir.resolve("course.key");
        Path sealed = dir.resolve("sealed");
        assertThat(new CliRunner().run("keygen", "--out", key.toString()).exit()).isZero();
        CliRunner.Run seal = new CliRunner().run("seal", "--key-file", key.toString(),
                Path.of("questions").toAbsolutePath().toString(), "--out", sealed.toString());
        assertThat(seal.exit()).as(seal.err()).isZero();

        Path plainTemplate = dir.resolve("plain.yaml");
        Path sealedTemplate = dir.resolve("sealed.yaml");
        new CliRunner().run("exam", ASSIGNMENT, "--student", "octocat", "--template", "--out", plainTemplate.toString());
        new CliRunner().run("exam", ASSIGNMENT, "--student", "octocat", "--template", "--out", sealedTemplate.toString(),
                "--bank", sealed.toString());
        assertThat(Files.readString(sealedTemplate)).isEqualTo(Files.readString(plainTemplate));

        CliRunner.Run noKey = new CliRunner().run("grade", ASSIGNMENT, answers("partial"), "--bank", sealed.toString());
        assertThat(noKey.exit()).isEqualTo(2);
        assertThat(noKey.err()).contains("no key");
        Path wrongKey = dir.resolve("wrong.key");
        new CliRunner().run("keygen", "--out", wrongKey.toString());
        CliRunner.Run wrong = new CliRunner().run("grade", ASSIGNMENT, answers("partial"), "--bank", sealed.toString(),
                "--key-file", wrongKey.toString());
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("wrong key or tampered data").doesNotContain(Files.readString(wrongKey).strip());

        CliRunner.Run plain = new CliRunner().run("grade", ASSIGNMENT, answers("partial"));
        CliRunner.Run withKey = new CliRunner().env("QUIZCARD_KEY", Files.readString(key).strip())
                .run("grade", ASSIGNMENT, answers("partial"), "--bank", sealed.toString());
        assertThat(withKey.exit()).isEqualTo(1);
        assertThat(withKey.out()).isEqualTo(plain.out());
        assertThat(withKey.out() + withKey.err()).doesNotContain(Files.readString(key).strip());
    }
}
