package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Fixtures;

/** {@code quizcard export --format qti}: the package a user gets, and what it tells them. */
class ExportQtiTest {
    @TempDir
    Path dir;

    @Test
    void writesThePackageAndSaysWhatItCouldNotCarry() throws Exception {
        Path out = dir.resolve("demo.zip");
        CliRunner.Run run = new CliRunner().run("export", Fixtures.demoDir().toString(), "--format", "qti",
                "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("exported 9 questions of 1 concept to " + out + " (QTI 3.0 package (.zip))\n")
                .contains("not carried over (2):\n",
                        "  question containers/shared-kernel: hint: a QTI item has no hint shown on request\n",
                        "  question containers/start-steps: partial credit for items in the right order");
        var entries = org.quizcard.exchange.qti.QtiPackage.entries(out);
        assertThat(entries).hasSize(11);
        Path golden = Path.of("src/test/resources/golden/exchange/qti");
        for (var e : entries.entrySet()) {
            assertThat(e.getValue()).as(e.getKey()).isEqualTo(Files.readString(golden.resolve(e.getKey())));
        }
    }

    @Test
    void theSameBankGivesTheSameBytes() throws Exception {
        Path first = dir.resolve("first.zip");
        Path second = dir.resolve("second.zip");
        new CliRunner().run("export", Fixtures.demoDir().toString(), "--format", "qti", "--out", first.toString());
        CliRunner.Run run = new CliRunner().clock(java.time.Clock.systemUTC())
                .run("export", Fixtures.demoDir().toString(), "--format", "qti", "--out", second.toString());
        assertThat(run.exit()).isZero();
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }
}
