package org.quizcard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.BankFile;
import org.quizcard.bank.BankLoader;
import org.quizcard.bank.Fixtures;
import org.quizcard.bank.Problem;
import org.quizcard.bank.Question;
import org.quizcard.bank.YamlReader;
import org.quizcard.cli.CliRunner;
import org.quizcard.cli.Context;
import org.quizcard.cli.Main;
import org.quizcard.study.RightAnswers;

/**
 * Answers stay secret where they must: the sealed flow never prints the key, grading at
 * feedback {@code none} or {@code score} never shows a right answer in any output or report,
 * and YAML tags naming Java types are errors, never objects.
 */
class SecretsTest {
    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private final StringBuilder everything = new StringBuilder();

    record Run(int exit, String out, String err) { }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context context = new Context(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(err, true), Map.copyOf(env), Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC),
                false);
        int exit = Main.run(context, args);
        everything.append(out).append(err);
        return new Run(exit, out.toString(), err.toString());
    }

    private String written(Path... files) throws Exception {
        StringBuilder b = new StringBuilder();
        for (Path f : files) if (Files.exists(f)) b.append(Files.readString(f));
        return b.toString();
    }

    @Test
    void theSealedFlowNeverPrintsTheKeyNorAnswersBelowFullFeedback() throws Exception {
        env.put("QUIZCARD_HOME", dir.resolve("home").toString());
        Path key = dir.resolve("course.key");
        assertThat(run("keygen", "--out", key.toString()).exit()).isZero();
        String secret = Files.readString(key).strip();
        secret = secret.substring(secret.lastIndexOf(':') + 1);
        Path sealed = dir.resolve("sealed");
        assertThat(run("seal", "--key-file", key.toString(), Fixtures.demoDir().toString(), "--out", sealed.toString()).exit())
                .isZero();
        String sealedText = written(sealed.resolve("containers.yaml"));
        for (Question q : Fixtures.demo().questions().toList()) {
            assertThat(sealedText).doesNotContain(q.common().explanation());
        }
        Path assignment = Files.writeString(dir.resolve("assignment.yaml"),
                "id: week-1\ntitle: Week 1\ndraw:\n  - concept: containers\n    count: 8\nfeedback: none\n");
        Path scoreAssignment = Files.writeString(dir.resolve("assignment-score.yaml"),
                Files.readString(assignment).replace("feedback: none", "feedback: score"));
        Path answers = dir.resolve("answers.yaml");
        String bank = sealed.toString();
        List<Run> runs = new ArrayList<>();
        runs.add(run("list", "--bank", bank));
        runs.add(run("lint", sealed.toString()));
        runs.add(run("show", "containers/shared-kernel", "--bank", bank));
        runs.add(run("exam", assignment.toString(), "--student", "alice", "--template", "--out", answers.toString(), "--bank", bank));
        assertThat(runs.get(runs.size() - 1).exit()).as(runs.get(runs.size() - 1).err()).isZero();
        runs.add(run("quiz", "--plain", "--no-save", "--count", "3", "--bank", bank));
        runs.add(run("--verbose", "grade", assignment.toString(), answers.toString(), "--bank", bank,
                "--key-file", dir.resolve("wrong.key").toString()));
        Path otherKey = dir.resolve("other.key");
        run("keygen", "--out", otherKey.toString());
        runs.add(run("--verbose", "grade", assignment.toString(), answers.toString(), "--bank", bank,
                "--key-file", otherKey.toString()));
        env.put("QUIZCARD_KEY", Files.readString(key));
        for (Path a : List.of(assignment, scoreAssignment)) {
            Path out = Files.createDirectories(dir.resolve("out-" + a.getFileName()));
            runs.add(run("grade", a.toString(), answers.toString(), "--bank", bank, "--junit", out.resolve("g.xml").toString(),
                    "--json", out.resolve("g.json").toString(), "--summary", out.resolve("s.md").toString(), "--github"));
            runs.add(run("grade", a.toString(), answers.toString(), "--bank", bank));
            assertThat(runs.get(runs.size() - 1).exit()).as(runs.get(runs.size() - 1).err()).isIn(0, 1);
            String reports = written(out.resolve("g.xml"), out.resolve("g.json"), out.resolve("s.md"));
            assertThat(reports).contains("<testcase", "\"student\"");
            String shown = reports + everything;
            for (Question q : Fixtures.demo().questions().toList()) {
                if (q instanceof Question.Flashcard) continue;
                assertThat(shown).as(a + " " + q.ref()).doesNotContain(q.common().explanation());
                for (String s : RightAnswers.secrets(q)) {
                    if (s.length() >= 4) assertThat(reports).as(a + " " + q.ref() + " " + s).doesNotContain(s);
                }
            }
        }
        runs.add(run("--verbose", "seal", "--key-file", key.toString(), Fixtures.demoDir().toString(), "--out", sealed.toString()));
        assertThat(everything.toString()).doesNotContain(secret);
        for (Run r : runs) assertThat(r.out() + r.err()).doesNotContain(secret);
        assertThat(written(answers)).doesNotContain(secret);
    }

    @Test
    void yamlTagsNamingJavaTypesAreErrorsAndNothingIsInstantiated() throws Exception {
        Path marker = dir.resolve("pwned");
        String m = marker.toString();
        List<String> hostile = List.of(
                "id: !!java.io.FileOutputStream [\"" + m + "\"]\n",
                "id: !!java.lang.ProcessBuilder [[\"touch\", \"" + m + "\"]]\n",
                "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"file://" + m + "\"]]]]\n",
                "--- !!java.io.FileOutputStream\nname: " + m + "\n",
                "id: !<tag:yaml.org,2002:java.io.FileOutputStream> [\"" + m + "\"]\n",
                "id: !!python/object/apply:os.system [\"touch " + m + "\"]\n");
        for (String text : hostile) {
            YamlReader.Result r = YamlReader.read("evil.yaml", text);
            assertThat(r.problems()).as(text).anyMatch(p -> p.isError() && (p.message().contains("YAML tags (")
                    || p.message().startsWith("invalid YAML")));
            assertThat(r.problems()).extracting(Problem::format).allMatch(f -> f.startsWith("evil.yaml:"));
            Path bankDir = Files.createDirectories(dir.resolve("bank" + hostile.indexOf(text)));
            Path file = Files.writeString(bankDir.resolve("evil.yaml"), text);
            assertThat(BankLoader.load(BankFile.inDirectory(bankDir)).errors()).isNotEmpty();
            CliRunner.Run grade = new CliRunner().run("grade", file.toString(), file.toString());
            assertThat(grade.exit()).isEqualTo(2);
            assertThat(grade.err()).startsWith("quizcard grade: " + file + ":");
        }
        assertThat(marker).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("pwned"));
        }
        assertThat(new String(Files.readAllBytes(dir.resolve("bank0/evil.yaml")), StandardCharsets.UTF_8)).contains("!!java");
    }
}
