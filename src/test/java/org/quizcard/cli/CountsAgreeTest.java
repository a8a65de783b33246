package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Fixtures;

/** Counts of one, wherever a command prints a count: "1 review", never "1 reviews". */
class CountsAgreeTest {
    private final String demo = Fixtures.demoDir().toString();

    @TempDir
    Path dir;

    @Test
    void lintCountsOneFileOneErrorOneWarningAndOneChangedQuestion() throws Exception {
        Path bank = Fixtures.copyDemo(dir.resolve("bank"));
        Path file = bank.resolve("containers.yaml");
        String text = Files.readString(file);
        Files.writeString(file, text.replace("title: Containers", "title: Containers\ntitle: Again")
                .replace("A kernel the runtime boots in a lightweight virtual machine", "All of the above"));
        CliRunner.Run lint = new CliRunner().run("lint", file.toString());
        assertThat(lint.out()).as(lint.out()).endsWith("\n1 file checked: 1 error, 1 warning\n");

        CliRunner learner = new CliRunner();
        Files.writeString(file, text);
        learner.stdin("1\n").run("quiz", "--bank", bank.toString(), "--tag", "vm");
        Files.writeString(file, text.replace("prompt: A container is a lightweight virtual machine.",
                "prompt: A container is a light virtual machine."));
        CliRunner.Run changed = learner.run("lint", "--changed", "--bank", bank.toString());
        assertThat(changed.out()).contains("\n1 question changed since last reviewed\n");
    }

    @Test
    void restoreAndStatsCountOneReviewAndOneDay() {
        CliRunner learner = new CliRunner();
        learner.stdin("1\n").run("quiz", "--bank", demo, "--tag", "vm");
        // the next session's daily backup holds that one review
        learner.stdin("").run("quiz", "--bank", demo, "--tag", "vm");
        CliRunner.Run list = learner.run("restore");
        assertThat(list.out()).containsPattern("progress-000001-\\S+\\.db  \\S+ \\S+  1 review\n");
        String backup = list.out().lines().findFirst().orElseThrow().split("\\s+")[0];
        assertThat(learner.run("restore", backup).out()).startsWith("Restored ").contains(" (1 review).\n");
        assertThat(learner.run("stats", "--bank", demo).out()).contains("Streak: 1 day ", "Reviews in all: 1\n");
    }

    @Test
    void sealCountsOneConcept() {
        CliRunner runner = new CliRunner();
        Path key = dir.resolve("k.key");
        runner.run("keygen", "--out", key.toString());
        CliRunner.Run seal = runner.run("seal", "--key-file", key.toString(), demo, "--out", dir.resolve("s").toString());
        assertThat(seal.out()).startsWith("sealed 1 concept into ");
    }

    @Test
    void anAssignmentOfOneQuestionCountsOneQuestionOnePointOneSubmission() throws Exception {
        Path assignment = Files.writeString(dir.resolve("one.yaml"), "id: one\ntitle: One\ndraw:\n"
                + "  - concept: containers\n    count: 1\n    points: 1\npass:\n  overall: 0.5\n");
        Path answers = dir.resolve("submissions/alice/answers.yaml");
        Files.createDirectories(answers.getParent());
        CliRunner runner = new CliRunner();
        CliRunner.Run template = runner.run("exam", assignment.toString(), "--student", "alice", "--template",
                "--out", answers.toString(), "--bank", demo);
        assertThat(template.out()).as(template.err()).isEqualTo("wrote " + answers + " with 1 question for alice\n");
        assertThat(Files.readString(answers)).contains(", 1 point] ");

        Path junit = dir.resolve("grade.xml");
        CliRunner.Run grade = runner.run("grade", assignment.toString(), answers.toString(), "--bank", demo,
                "--junit", junit.toString());
        assertThat(grade.out()).as(grade.err()).contains(" with 0/1 point (");
        assertThat(Files.readString(junit)).contains("message=\"0/1 point\"");
        CliRunner.Run annotations = runner.run("grade", assignment.toString(), answers.toString(), "--bank", demo,
                "--github");
        assertThat(annotations.out()).contains("%3A 0/1 point::", "did not pass one: 0/1 point (");

        CliRunner.Run teacher = runner.run("grade", assignment.toString(), "--bank", demo, "--submissions",
                dir.resolve("submissions").toString(), "--out", dir.resolve("grades").toString());
        assertThat(teacher.out()).as(teacher.err()).contains("Graded 1 of 1 submission; ");
        assertThat(Files.readString(dir.resolve("grades/class-report.md"))).contains("1 student · mean");
    }
}
