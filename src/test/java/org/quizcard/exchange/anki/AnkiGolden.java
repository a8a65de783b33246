package org.quizcard.exchange.anki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** Golden files of the Anki exports, under {@code src/test/resources/golden/exchange/}; {@code -Dquizcard.golden.update=true} writes them anew. */
final class AnkiGolden {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/exchange");

    private AnkiGolden() {
    }

    static void assertGolden(String name, String actual) throws Exception {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("quizcard.golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
        }
        assertThat(file).as(name + " (rerun with -Dquizcard.golden.update=true after an intended change)").exists();
        assertThat(actual).as(name).isEqualTo(Files.readString(file));
    }
}
