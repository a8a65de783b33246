package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Fixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FoundationCommandsTest {
    private final String demo = Fixtures.demoDir().toString();

    @Test
    void noColorIsAcceptedByTheCommandsThatPrintNone() {
        for (String command : new String[] {"stats", "misconceptions"}) {
            CliRunner.Run r = new CliRunner().run(command, "--no-color");
            assertThat(r.exit()).as(command + ": " + r.err()).isZero();
            assertThat(r.out()).doesNotContain("\u001b");
        }
    }

    @Test
    void listQuestionsShowsTheIdsShowTakes() {
        CliRunner.Run r = new CliRunner().run("list", "--questions", "--concept", "fuse");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSizeGreaterThan(10).allMatch(l -> l.startsWith("fuse/"));
        String id = r.out().lines().findFirst().orElseThrow().split("\\s+")[0];
        assertThat(new CliRunner().run("show", id).exit()).isZero();
        CliRunner.Run unknown = new CliRunner().run("list", "--questions", "--concept", "nope");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("quizcard list: --concept: unknown concept 'nope'\n");
    }

    @Test
    void statsCountsAgreeInNumber() {
        CliRunner cli = new CliRunner();
        java.time.Instant t0 = java.time.Instant.parse("2026-11-01T10:00:00Z");
        org.quizcard.srs.Fsrs fsrs = new org.quizcard.srs.Fsrs(org.quizcard.srs.SchedulerConfig.defaults()
                .withEnableFuzz(false).withZone(java.time.ZoneOffset.UTC));
        try (var store = org.quizcard.store.ProgressStore.open(cli.home())) {
            // a card graduated to review, then one review of it as a review card: true retention of 1 review
            org.quizcard.srs.Card learned = fsrs.review(org.quizcard.srs.Card.NEW, t0, org.quizcard.srs.Rating.EASY);
            java.time.Instant later = java.time.Instant.parse("2026-11-20T10:00:00Z");
            store.record(new org.quizcard.store.Review(0, "containers/what-is-a-container", "h", later, "{\"bool\":true}",
                    1, org.quizcard.srs.Rating.GOOD, java.util.Set.of(), 500, learned,
                    fsrs.review(learned, later, org.quizcard.srs.Rating.GOOD), "study"));
        }
        CliRunner.Run stats = cli.run("stats");
        assertThat(stats.exit()).as(stats.err()).isZero();
        assertThat(stats.out()).contains("True retention (30 days): 100.0% of 1 review\n");
    }

    @Test
    void aMistypedCommandOrOptionSuggestsTheNearestOne() {
        CliRunner.Run command = new CliRunner().run("stdy");
        assertThat(command.exit()).isEqualTo(2);
        assertThat(command.err()).contains("Did you mean: study");
        CliRunner.Run option = new CliRunner().run("quiz", "--cont", "3");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err()).contains("Did you mean: --count");
    }

    @Test
    void versionAndHelpListExitCodes() {
        CliRunner.Run version = new CliRunner().run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("quizcard ");
        // every command's -V says the same
        for (String command : Main.commandNames()) {
            assertThat(new CliRunner().run(command, "--version").out()).as(command).isEqualTo(version.out());
        }
        CliRunner.Run help = new CliRunner().run("--help");
        assertThat(help.out()).contains("lint", "list", "show", "completion", "Exit codes:",
                "2  bad usage or unreadable input");
    }

    @Test
    void everySubcommandHasHelpWithAnExample() {
        var cli = Main.commandLine(new Context(System.in, new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()), java.util.Map.of(), java.time.Clock.systemUTC(), false));
        assertThat(cli.getSubcommands().keySet()).contains("study", "quiz", "stats", "misconceptions", "replay", "exam",
                "grade", "report", "keygen", "seal", "list", "show", "lint", "completion");
        for (String command : cli.getSubcommands().keySet()) {
            CliRunner.Run run = new CliRunner().run(command, "--help");
            assertThat(run.exit()).as(command).isZero();
            assertThat(run.out()).as(command).containsPattern("Examples?( \\(.*\\))?:");
        }
    }

    @Test
    void badUsageIsExitTwoWithOneLine() {
        CliRunner.Run run = new CliRunner().run("lint", "--frobnicate");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("quizcard lint: Unknown option: '--frobnicate'");
        assertThat(run.err().lines()).hasSize(2);
    }

    @Test
    void listShowsConceptsTypesAndMisconceptions() {
        CliRunner.Run run = new CliRunner().run("list", "--bank", demo);
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("containers", "single 1", "flashcard 1", "container-is-lightweight-vm");
    }

    @Test
    void listJsonHasTheDocumentedShape() {
        CliRunner.Run run = new CliRunner().run("list", "--json", "--bank", demo);
        JsonNode root = JsonMapper.shared().readTree(run.out());
        JsonNode concept = root.get("concepts").get(0);
        assertThat(concept.get("id").asString()).isEqualTo("containers");
        assertThat(concept.get("title").asString()).isEqualTo("Containers");
        assertThat(concept.get("questions").asInt()).isEqualTo(9);
        assertThat(concept.get("types").get("single").asInt()).isEqualTo(1);
        JsonNode m = root.get("misconceptions").get(0);
        assertThat(m.get("id").asString()).isEqualTo("container-is-lightweight-vm");
        assertThat(m.get("claim").asString()).isEqualTo("A container is a lightweight virtual machine.");
        assertThat(m.get("probes").asInt()).isEqualTo(4);
    }

    @Test
    void banksComeFromTheEnvironmentWhenNoOptionIsGiven() {
        CliRunner.Run run = new CliRunner().env("QUIZCARD_BANKS", demo).run("list", "--json");
        assertThat(run.out()).contains("\"questions\":9");
    }

    @Test
    void showPrintsAnswerExplanationAndProbes() {
        CliRunner.Run run = new CliRunner().run("show", "containers/shared-kernel", "--bank", demo);
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("[single]", "✓ 1. The host's kernel",
                "Answer: The host's kernel, shared with the other containers",
                "Explanation: A container is a group of host processes",
                "Probes: container-is-lightweight-vm: A container is a lightweight virtual machine.");
    }

    @Test
    void showUnknownQuestionIsBadInput() {
        CliRunner.Run run = new CliRunner().run("show", "containers/nope", "--bank", demo);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("quizcard show: no question 'containers/nope'");
    }

    @Test
    void lintCleanBankExitsZero() {
        CliRunner.Run run = new CliRunner().run("lint", demo);
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("2 files checked: 0 errors, 0 warnings\n");
    }

    @Test
    void lintLocatesABrokenFilesErrorsAsPathLineColumn(@TempDir Path dir) throws Exception {
        Path bank = Fixtures.copyDemo(dir.resolve("bank"));
        Path file = bank.resolve("containers.yaml");
        Files.writeString(file, Files.readString(file).replace("title: Containers", "title: Containers\ntitle: Again")
                .replace("    answer: 1\n", "    answer: one\n"));
        int answerLine = Files.readAllLines(file).indexOf("    answer: one") + 1;
        CliRunner.Run run = new CliRunner().run("lint", file.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains(file + ":4:1: duplicate key 'title' (first at line 3)",
                file + ":" + answerLine + ":13: 'answer' must be a finite number, not a string",
                "1 file checked: 2 errors, 0 warnings");
    }

    @Test
    void lintOfAMissingPathIsBadInput() {
        CliRunner.Run run = new CliRunner().run("lint", "no/such/bank.yaml");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("quizcard lint: no/such/bank.yaml: no such file or directory\n");
    }

    @Test
    void otherCommandsRefuseABrokenBankWithTheFirstError(@TempDir Path dir) throws Exception {
        Path bank = Fixtures.copyDemo(dir.resolve("bank"));
        Files.writeString(bank.resolve("containers.yaml"), "id: containers\nbogus: [\n");
        CliRunner.Run run = new CliRunner().run("list", "--bank", bank.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("quizcard list: " + bank.resolve("containers.yaml") + ":");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void completionScriptsForBashZshAndFish() {
        CliRunner.Run bash = new CliRunner().run("completion", "bash");
        assertThat(bash.exit()).isZero();
        assertThat(bash.out()).contains("complete -F", "lint", "list", "show");
        CliRunner.Run zsh = new CliRunner().run("completion", "zsh");
        assertThat(zsh.out()).startsWith("#compdef quizcard").contains("_arguments", "compdef _quizcard quizcard");
        CliRunner.Run fish = new CliRunner().run("completion", "fish");
        assertThat(fish.exit()).isZero();
        assertThat(fish.out()).contains("complete -c quizcard -n __fish_use_subcommand -a lint ");
        CliRunner.Run other = new CliRunner().run("completion", "powershell");
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("powershell").contains("bash, zsh, fish");
    }
}
