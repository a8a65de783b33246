package org.quizcard.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quizcard.bank.BankFile;
import org.quizcard.bank.BankLoader;
import org.quizcard.bank.Problem;

/**
 * The shipped banks mutated thousands of times (lines deleted, duplicated, swapped, re-indented,
 * truncated; hostile characters and invalid bytes inserted), each loaded and linted in-process:
 * never an exception, every problem one printable line naming its file. The seed is fixed
 * ({@code -Dquizcard.mutations.seed=N} tries others, {@code -Dquizcard.mutations=N} more cases).
 */
class MutatedBanksTest {
    private static final long SEED = Long.getLong("quizcard.mutations.seed", 20261122L);
    private static final int CASES = Integer.getInteger("quizcard.mutations", 3000);
    private static final String HOSTILE = "{}[]:,&*!|>'\"#%@`-?\t\u001b\u0000\u00a0\u2028\ufeff\\";

    @Test
    void mutatedShippedBanksNeverCrashTheLoader() throws IOException {
        List<BankFile> shipped = BankFile.shipped();
        BankFile catalogue = shipped.stream().filter(BankFile::isMisconceptions).findFirst().orElseThrow();
        List<byte[]> originals = new ArrayList<>();
        for (BankFile f : shipped) originals.add(f.readAllBytes());
        SplittableRandom random = new SplittableRandom(SEED);
        int[] withErrors = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < CASES; i++) {
                int pick = random.nextInt(shipped.size());
                BankFile original = shipped.get(pick);
                byte[] mutated = mutate(originals.get(pick), random);
                BankFile file = new BankFile(original.path(), () -> new ByteArrayInputStream(mutated));
                List<BankFile> bank = original.isMisconceptions() ? List.of(file) : List.of(file, catalogue);
                String label = "case " + i + " (seed " + SEED + ") of " + original.path();
                BankLoader.Loaded loaded;
                try {
                    loaded = BankLoader.load(bank);
                } catch (RuntimeException e) {
                    throw new AssertionError(label + " threw " + e, e);
                }
                if (!loaded.errors().isEmpty()) withErrors[0]++;
                for (Problem p : loaded.problems()) {
                    String line = p.format();
                    assertThat(line).as(label).startsWith("questions/").doesNotContain("\n", "\r");
                    assertThat(HostileFiles.hasRawControl(line)).as(label + ": " + line).isFalse();
                    assertThat(line.length()).as(label).isLessThan(600);
                }
            }
        });
        // the mutations are not all harmless: most of them must break the bank
        assertThat(withErrors[0]).isGreaterThan(CASES / 2);
    }

    /** One to three random edits of the file. */
    static byte[] mutate(byte[] original, SplittableRandom random) {
        String text = new String(original, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int edits = 1 + random.nextInt(3);
        byte[] raw = null;
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            switch (random.nextInt(10)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, line);
                case 2 -> {
                    int other = random.nextInt(lines.size());
                    lines.set(at, lines.get(other));
                    lines.set(other, line);
                }
                case 3 -> lines.set(at, " ".repeat(random.nextInt(6)) + line.strip());
                case 4 -> {
                    int cut = line.isEmpty() ? 0 : random.nextInt(line.length());
                    lines.set(at, line.substring(0, cut) + HOSTILE.charAt(random.nextInt(HOSTILE.length()))
                            + line.substring(cut));
                }
                case 5 -> lines.set(at, line.replace("true", "maybe").replace("single", "multiple")
                        .replace("id: ", "id: x").replace("text", "options"));
                case 6 -> lines.set(at, line.replaceFirst(":\\s.*", ": [" + line.length() + ", {a: 1}]"));
                case 7 -> lines.subList(at, lines.size()).clear();
                case 8 -> lines.set(at, line.replaceFirst("^(\\s*)- ", "$1").replaceFirst("^(\\s*)(\\w)", "$1- $2"));
                default -> raw = new byte[] {(byte) (0x80 + random.nextInt(0x80))};
            }
            if (lines.isEmpty()) lines.add("");
        }
        byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        if (raw == null || bytes.length == 0) return bytes;
        int at = random.nextInt(bytes.length);
        byte[] out = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, out, 0, at);
        out[at] = raw[0];
        System.arraycopy(bytes, at, out, at + 1, bytes.length - at);
        return out;
    }
}
