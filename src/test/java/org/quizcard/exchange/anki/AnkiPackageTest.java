package org.quizcard.exchange.anki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Fixtures;
import org.quizcard.cli.CliRunner;
import org.quizcard.exchange.Loss;
import org.quizcard.store.anki.AnkiDump;

/** The Anki package quizcard writes: its database held in a golden file, stable ids, and the command. */
class AnkiPackageTest {
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void theDemoBanksPackageIsHeldInAGoldenFile() throws Exception {
        Path out = dir.resolve("demo.apkg");
        List<Loss> losses = new AnkiPackageWriter(FIXED).write(Fixtures.demo(), out);
        AnkiGolden.assertGolden("anki/demo-apkg.txt", AnkiDump.of(out, dir));
        assertThat(losses).noneMatch(Loss::dropped);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("demo.apkg");
        }
    }

    @Test
    void exportingTwiceGivesTheSameIdsAndNotesAtAnotherTime() throws Exception {
        Path first = dir.resolve("first.apkg");
        Path second = dir.resolve("second.apkg");
        new AnkiPackageWriter(FIXED).write(Fixtures.demo(), first);
        new AnkiPackageWriter(Clock.offset(FIXED, java.time.Duration.ofDays(40))).write(Fixtures.demo(), second);
        String a = AnkiDump.of(first, dir);
        String b = AnkiDump.of(second, dir);
        assertThat(a).isNotEqualTo(b);
        assertThat(withoutTimes(a)).isEqualTo(withoutTimes(b));
    }

    /** The dump with every time Anki keeps (the col row's, and each row's mod) blanked. */
    private static String withoutTimes(String dump) {
        return dump.replaceAll("(?m)^(crt|mod|scm) = .*$", "$1 = T").replaceAll("\"mod\" : \\d+", "\"mod\" : T");
    }

    @Test
    void cardsAreNewOnePerTemplateOrClozeNumberAndChecksumsAreAnkis() throws Exception {
        Path out = dir.resolve("demo.apkg");
        new AnkiPackageWriter(FIXED).write(Fixtures.demo(), out);
        Path db = dir.resolve("c.anki2");
        Files.write(db, AnkiDump.entries(out).get("collection.anki2"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT n.guid, count(*), min(c.ord), max(c.ord), min(c.type + c.queue), "
                    + "min(c.due) FROM notes n JOIN cards c ON c.nid = n.id GROUP BY n.id ORDER BY min(c.due)");
            int position = 0;
            while (rs.next()) {
                position++;
                int cards = rs.getString(1).endsWith("/see-and-use") ? 2 : 1;
                assertThat(rs.getInt(2)).as(rs.getString(1)).isEqualTo(cards);
                assertThat(rs.getInt(3)).isZero();
                assertThat(rs.getInt(4)).isEqualTo(cards - 1);
                assertThat(rs.getInt(5)).as("new cards").isZero();
                assertThat(rs.getInt(6)).as("due is the note's position").isEqualTo(position);
            }
            assertThat(position).isEqualTo(9);
            // the checksum Anki computes: SHA-1 of the first field's text, first 8 hex digits as a number
            rs = s.executeQuery("SELECT csum, sfld FROM notes WHERE guid = 'quizcard:containers/oci'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEqualTo("What does OCI stand for?");
            assertThat(rs.getLong(1)).isEqualTo(Long.parseLong(sha1Hex("What does OCI stand for?").substring(0, 8), 16));
        }
    }

    private static String sha1Hex(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void theExportCommandWritesAPackage() throws Exception {
        Path out = dir.resolve("out/containers.apkg");
        CliRunner.Run run = new CliRunner().clock(FIXED).run("export", Fixtures.demoDir().toString(), "--format", "anki",
                "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("exported 9 questions of 1 concept to " + out)
                .contains("not carried over (1):")
                .contains("question containers/see-and-use: blank 2: the known wrong answer 'use'");
        assertThat(AnkiDump.entries(out)).containsOnlyKeys("collection.anki2", "media");
        assertThat(AnkiDump.of(out, dir)).isEqualTo(AnkiDump.of(exported(), dir));
    }

    private Path exported() throws Exception {
        Path out = dir.resolve("direct.apkg");
        new AnkiPackageWriter(FIXED).write(Fixtures.demo(), out);
        return out;
    }
}
