package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.srs.Card;
import org.quizcard.srs.CardState;
import org.quizcard.store.ProgressQueries;
import org.quizcard.store.anki.AnkiFixture;

/** {@code quizcard import} of Anki packages, with and without their review history, end to end. */
class AnkiImportCommandTest {
    private static final long DAY = 86_400_000L;
    private static final long T0 = Instant.parse("2026-10-01T09:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    /** Two notes with a history: one learnt long ago (due before the runner's clock), one just reviewed. */
    private Path deck() {
        AnkiFixture a = AnkiFixture.schema18();
        long basic = a.basic();
        long spanish = a.deck("Spanish", "");
        long old = a.card(a.note(basic, "a", "", "perro", "dog"), spanish, 0);
        long recent = a.card(a.note(basic, "b", "", "gato", "cat"), spanish, 0);
        a.review(old, T0, 3, 0, 0, 4_000);
        a.review(old, T0 + 3 * DAY, 3, 1, 2500, 6_000);
        a.review(old, T0 + 4 * DAY, 3, 3, 0, 6_000);           // cram: dropped
        a.review(recent, T0 + 1, 1, 0, 0, 9_000);
        a.review(recent, T0 + 600_000, 3, 0, 0, 5_000);
        a.review(recent, T0 + 50 * DAY, 4, 1, 2500, 3_000);
        return a.pack(dir, "spanish.apkg", 3);
    }

    @Test
    void historyBringsTheQuestionsInAsReviewedAndDueWhenReplayWouldSayOnce() throws Exception {
        CliRunner cli = new CliRunner();
        Path out = dir.resolve("banks");
        CliRunner.Run run = cli.run("import", deck().toString(), "--out", out.toString(), "--with-history");
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("imported 2 questions into 1 concept in " + out)
                .contains("brought 5 reviews of 2 questions into your progress");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("spanish.yaml", "misconceptions.yaml");
        }
        assertThat(cli.run("lint", out.toString()).exit()).isZero();

        String log = """
                card,reviewed_at,rating
                spanish/perro,2026-10-01T09:00:00.000Z,3
                spanish/perro,2026-10-04T09:00:00.000Z,3
                spanish/gato,2026-10-01T09:00:00.001Z,1
                spanish/gato,2026-10-01T09:10:00.000Z,3
                spanish/gato,2026-11-20T09:00:00.000Z,4
                """;
        List<String> replayed = cli.stdin(log).run("replay", "-").out().lines().toList();
        try (ProgressQueries progress = ProgressQueries.openReadOnly(cli.home())) {
            Card perro = progress.card("spanish/perro").orElseThrow();
            Card gato = progress.card("spanish/gato").orElseThrow();
            assertThat(perro.state()).isEqualTo(CardState.REVIEW);
            assertThat(due(replayed.get(2))).isEqualTo(perro.due());
            assertThat(due(replayed.get(5))).isEqualTo(gato.due()).isAfter(Instant.parse("2026-11-22T10:00:00Z"));
            assertThat(perro.due()).isBefore(Instant.parse("2026-11-22T10:00:00Z"));
            assertThat(progress.reviewCount()).isEqualTo(5);
        }
        CliRunner.Run study = cli.stdin("").run("study", "--bank", out.toString(), "--plain", "--new", "0");
        assertThat(study.out()).contains("perro").doesNotContain("gato");

        CliRunner.Run again = cli.run("import", deck().toString(), "--out", out.toString(), "--with-history");
        assertThat(again.out()).contains("brought 0 reviews of 0 questions into your progress")
                .contains("5 reviews already there skipped");
        try (ProgressQueries progress = ProgressQueries.openReadOnly(cli.home())) {
            assertThat(progress.reviewCount()).isEqualTo(5);
        }
    }

    private static Instant due(String replayRow) {
        return Instant.parse(replayRow.substring(replayRow.lastIndexOf(',') + 1));
    }

    @Test
    void nothingIsLeftBehindAndAHostileFileWritesNothing() throws Exception {
        CliRunner cli = new CliRunner();
        Path out = dir.resolve("out");
        assertThat(cli.run("import", deck().toString(), "--out", out.toString()).exit()).isZero();
        assertThat(out.resolve(ImportCommand.SCRATCH)).doesNotExist();
        assertThat(cli.home().resolve("progress.db")).doesNotExist();

        Path bomb = AnkiFixture.zip(dir.resolve("evil.apkg"), java.util.Map.of("../collection.anki2", new byte[10]));
        Path fresh = dir.resolve("fresh");
        CliRunner.Run run = cli.run("import", bomb.toString(), "--out", fresh.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("quizcard import: " + bomb + ": entry '../collection.anki2' points outside the package\n");
        assertThat(fresh).doesNotExist();
        assertThat(dir.resolve("collection.anki2")).doesNotExist();
    }
}
