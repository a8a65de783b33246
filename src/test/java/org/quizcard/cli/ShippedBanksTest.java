package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quizcard.bank.BankFile;
import org.quizcard.bank.BankLoader;
import org.quizcard.bank.Problem;

class ShippedBanksTest {
    @Test
    void shippedBanksLintCleanWithoutWarnings() {
        var loaded = BankLoader.load(BankFile.shipped());
        assertThat(loaded.problems()).extracting(Problem::format).isEmpty();
        assertThat(loaded.bank().concepts()).isNotEmpty();
    }

    @Test
    void everyShippedFileStartsWithItsSchemaLine() throws Exception {
        for (BankFile f : BankFile.shipped()) {
            String first = new String(f.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElse("");
            String schema = f.isMisconceptions() ? "misconceptions.schema.json" : "bank.schema.json";
            assertThat(first).as(f.path()).isEqualTo("# yaml-language-server: $schema=../docs/schema/" + schema);
        }
    }
}
