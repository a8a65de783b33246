package org.quizcard.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Fixtures;
import org.quizcard.cli.CliRunner;

/**
 * A bank edited between sessions: questions removed, renamed, changed to another type, and a
 * misconception renamed. Sessions, stats, misconceptions and lint over a log that still holds
 * the old cards run cleanly, and the old reviews stay in the log.
 */
class ChangedBanksTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aLogWhoseCardsChangedNeverCrashesASession() throws Exception {
        Path bank = Fixtures.copyDemo(dir.resolve("bank"));
        CliRunner cli = new CliRunner();
        // day one: every question answered, some wrongly (revealing misconceptions)
        for (int day = 0; day < 3; day++) {
            cli.clock(Clock.fixed(T0.plusSeconds(86_400L * day * 3), ZoneOffset.UTC)).stdin("2\n1\nwrong\n7\n1 2 3 4\n1a 2b 3c\nx\ny\n\n1\n".repeat(3));
            CliRunner.Run study = cli.run("study", "--plain", "--new", "20", "--bank", bank.toString());
            assertThat(study.exit()).as(study.err()).isZero();
        }
        Path containers = bank.resolve("containers.yaml");
        String text = Files.readString(containers);
        String shared = text.substring(text.indexOf("  - id: shared-kernel"), text.indexOf("  - id: building-blocks"));
        text = text.replace(shared, "")
                .replace("id: vm-statement", "id: vm-claim")
                .replace("""
                          - id: what-is-it
                            type: text
                            prompt: From the kernel's point of view, what is a container?
                            answers: [processes, a process, a group of processes]
                            wrong:
                              - answer: a lightweight vm
                                misconception: container-is-lightweight-vm
                        """, """
                          - id: what-is-it
                            type: single
                            prompt: From the kernel's point of view, what is a container?
                            options:
                              - { text: processes, correct: true }
                              - { text: a lightweight vm, misconception: container-is-a-small-vm }
                        """)
                .replace("container-is-lightweight-vm", "container-is-a-small-vm");
        Files.writeString(containers, text);
        Path catalogue = bank.resolve("misconceptions.yaml");
        Files.writeString(catalogue, Files.readString(catalogue).replace("container-is-lightweight-vm", "container-is-a-small-vm"));
        CliRunner.Run lint = cli.run("lint", bank.toString());
        assertThat(lint.exit()).as(lint.out()).isZero();
        assertThat(text).contains("type: single").doesNotContain("shared-kernel");

        for (int later : List.of(1, 10, 40)) {
            cli.clock(Clock.fixed(T0.plusSeconds(86_400L * (9 + later)), ZoneOffset.UTC))
                    .stdin("1\n2\nu\n1\nprocesses\ns\n3\nq\n");
            for (String[] args : List.of(
                    new String[] {"study", "--plain", "--new", "20", "--bank", bank.toString()},
                    new String[] {"quiz", "--plain", "--count", "9", "--bank", bank.toString()},
                    new String[] {"stats", "--bank", bank.toString()},
                    new String[] {"stats", "--json", "--bank", bank.toString()},
                    new String[] {"misconceptions", "--all", "--bank", bank.toString()},
                    new String[] {"lint", "--changed", "--bank", bank.toString()})) {
                CliRunner.Run r = cli.run(args);
                assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
                assertThat(HostileFiles.hasStackTrace(r.out() + r.err())).as(r.err()).isFalse();
            }
        }
        try (var store = org.quizcard.store.ProgressStore.open(cli.home())) {
            assertThat(store.cards()).as("removed and renamed cards keep their history").containsKeys(
                    "containers/shared-kernel", "containers/vm-statement");
        }
    }
}
