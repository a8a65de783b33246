package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Fixtures;
import picocli.CommandLine;

class ReportCommandTest {
    private static final List<String> CLASS = List.of("alice", "bob", "carol", "dave", "erin");

    @TempDir
    Path dir;

    private final String demo = Fixtures.demoDir().toString();

    @BeforeEach
    void copyResults() throws IOException {
        for (String s : CLASS) {
            try (var in = ReportCommandTest.class.getResourceAsStream("/results/class/" + s + ".json")) {
                Files.write(dir.resolve(s + ".json"), in.readAllBytes());
            }
        }
    }

    /** Runs {@code quizcard report ...} in-process, registering the command if the root does not yet. */
    private CliRunner.Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context context = new Context(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(err, true), Map.of("QUIZCARD_HOME", dir.resolve("home").toString()),
                Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC), false);
        CommandLine cli = Main.commandLine(context);
        if (!cli.getSubcommands().containsKey("report")) {
            cli.addSubcommand(new ReportCommand().in(context));
            // A subcommand added late misses the streams the root passed down; pass them again.
            cli.setOut(context.out());
            cli.setErr(context.err());
        }
        List<String> all = new ArrayList<>(List.of("report"));
        all.addAll(List.of(args));
        int exit = cli.execute(all.toArray(String[]::new));
        context.out().flush();
        context.err().flush();
        return new CliRunner.Run(exit, out.toString(), err.toString());
    }

    private String[] results(String... extra) {
        List<String> args = new ArrayList<>();
        CLASS.forEach(s -> args.add(dir.resolve(s + ".json").toString()));
        args.addAll(List.of("--bank", demo));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void printsTheMarkdownReportByDefault() {
        CliRunner.Run run = run(results());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("# Class report: Containers, week 1\n")
                .contains("5 students · mean 60.0% · median 66.7% · pass rate 60% (3 of 5)",
                        "## Score distribution", "corrected item-total correlation", "## Option pick rates",
                        "nobody picked this distractor", "| container-is-lightweight-vm | 2 | 40% | 5 |",
                        "negative discrimination");
    }

    @Test
    void writesMarkdownAndHtmlFilesAndNothingToStandardOutput() throws IOException {
        Path md = dir.resolve("report.md");
        Path html = dir.resolve("report.html");
        CliRunner.Run run = run(results("--markdown", md.toString(), "--html", html.toString()));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(md)).startsWith("# Class report: Containers, week 1\n");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<svg ");
    }

    @Test
    void markdownDashGoesToStandardOutputBesideHtml() throws IOException {
        Path html = dir.resolve("report.html");
        CliRunner.Run run = run(results("--markdown", "-", "--html", html.toString()));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("# Class report:");
        assertThat(html).exists();
    }

    @Test
    void theSameInputsGiveByteIdenticalFilesWhateverTheirOrder() throws IOException {
        run(results("--markdown", dir.resolve("a.md").toString(), "--html", dir.resolve("a.html").toString()));
        List<String> reversed = new ArrayList<>(List.of(results("--markdown", dir.resolve("b.md").toString(),
                "--html", dir.resolve("b.html").toString())));
        java.util.Collections.reverse(reversed.subList(0, CLASS.size()));
        run(reversed.toArray(String[]::new));
        assertThat(Files.readAllBytes(dir.resolve("b.md"))).isEqualTo(Files.readAllBytes(dir.resolve("a.md")));
        assertThat(Files.readAllBytes(dir.resolve("b.html"))).isEqualTo(Files.readAllBytes(dir.resolve("a.html")));
    }

    @Test
    void aFileThatIsNotAResultIsExitTwoWithOneLineNamingIt() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"assignment\": \"x\",");
        assertOneLineError(run(results(bad.toString())), bad + ": not a quizcard result: invalid JSON at line 1");
        Path notResult = Files.writeString(dir.resolve("other.json"), "{\"name\": \"alice\"}");
        assertOneLineError(run(results(notResult.toString())), notResult + ": not a quizcard result: missing \"assignment\"");
        Path binary = Files.write(dir.resolve("binary.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        assertOneLineError(run(results(binary.toString())), binary + ": not a quizcard result: not UTF-8 text");
    }

    @Test
    void resultsOfAnotherAssignmentAreExitTwoNamingTheFile() throws IOException {
        String alice = Files.readString(dir.resolve("alice.json"));
        Path other = Files.writeString(dir.resolve("zoe.json"), alice
                .replace("\"containers-week-1\"", "\"containers-week-2\"").replace("\"alice\"", "\"zoe\""));
        assertOneLineError(run(results(other.toString())),
                other + ": a result of assignment containers-week-2, but ");
    }

    @Test
    void anUnreadablePathIsExitTwoNamingIt() {
        Path missing = dir.resolve("missing.json");
        assertOneLineError(run(results(missing.toString())), missing + ": no such file");
        assertOneLineError(run(results(dir.toString())), dir + ": is a directory");
    }

    @Test
    void anUnwritableOutputIsExitTwoNamingIt() throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("a-file"), "");
        Path nowhere = dir.resolve("a-file/report.html");
        assertOneLineError(run(results("--html", nowhere.toString())), nowhere + ": cannot write");
    }

    @Test
    void noResultsIsExitTwo() {
        CliRunner.Run run = run("--bank", demo);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("quizcard report: Missing required parameter: 'RESULT.json'");
    }

    @Test
    void helpHasAnExample() {
        CliRunner.Run run = run("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Examples:", "--markdown", "--html", "--bank");
    }

    private static void assertOneLineError(CliRunner.Run run, String start) {
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("quizcard report: " + start);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
    }
}
