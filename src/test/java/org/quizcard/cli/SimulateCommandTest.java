package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Fixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SimulateCommandTest {
    private final String demo = Fixtures.demoDir().toString();

    @TempDir
    Path dir;

    @Test
    void comparesRetentionsWithTheLearnersOwnMarkedAndNamesTheCheapest() throws Exception {
        Path config = Files.createDirectories(dir.resolve("quizcard")).resolve("config.yaml");
        Files.writeString(config, "desired-retention: 0.87\nnew-per-day: 3\n");
        CliRunner learner = new CliRunner().env("XDG_CONFIG_HOME", dir.toString());
        learner.stdin("1\n1\n").run("quiz", "--bank", demo, "--count", "2");
        CliRunner.Run run = learner.run("simulate", "--bank", demo, "--days", "60");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Workload of the next 60 days by desired retention",
                "FSRS-6's default weights", "new at 3 a day", "Least time per question remembered: desired retention",
                "Reviews a week at 0.87");
        assertThat(run.out().lines().filter(l -> l.startsWith("  ▸ 0.87"))).hasSize(1);
        assertThat(run.out().lines().filter(l -> l.matches("    0\\.(70|75|80|85|90|95) .*"))).hasSize(6);

        JsonNode json = JsonMapper.shared().readTree(learner.run("simulate", "--bank", demo, "--days", "60",
                "--retention", "0.8", "--retention", "0.9", "--json").out());
        assertThat(json.get("days").asInt()).isEqualTo(60);
        assertThat(json.get("newPerDay").asInt()).isEqualTo(3);
        assertThat(json.get("weights").asString()).isEqualTo("default");
        assertThat(json.get("retentions")).hasSize(2);
        JsonNode low = json.get("retentions").get(0);
        JsonNode high = json.get("retentions").get(1);
        assertThat(low.get("reviewsPerDay")).hasSize(60);
        assertThat(high.get("reviews").asDouble()).isGreaterThan(low.get("reviews").asDouble());
        assertThat(json.get("optimalRetention").asDouble()).isBetween(0.70, 0.95);
    }

    @Test
    void outOfRangeValuesAreBadUsage() {
        assertThat(new CliRunner().run("simulate", "--retention", "0.99").err())
                .isEqualTo("quizcard simulate: --retention must be from 0.70 to 0.95, not 0.99\n");
        assertThat(new CliRunner().run("simulate", "--days", "0").exit()).isEqualTo(2);
    }
}
