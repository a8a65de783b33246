package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Bank;
import org.quizcard.bank.BankFile;
import org.quizcard.bank.BankLoader;
import org.quizcard.bank.Fixtures;
import org.quizcard.bank.SealKey;
import org.quizcard.bank.Sealing;
import picocli.CommandLine;

class SealCommandsTest {
    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @TempDir
    Path tmp;

    private final Map<String, String> env = new HashMap<>();

    /** Runs quizcard with keygen and seal registered, the way Main runs every command. */
    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context context = new Context(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(err, true), Map.copyOf(env), Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"),
                ZoneOffset.UTC), false);
        CommandLine cli = Main.commandLine(context);
        if (!cli.getSubcommands().containsKey("keygen")) cli.addSubcommand(new KeygenCommand().in(context));
        if (!cli.getSubcommands().containsKey("seal")) cli.addSubcommand(new SealCommand().in(context));
        cli.setOut(context.out());
        cli.setErr(context.err());
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** The base64 part of a key file: what must never be printed. */
    private static String secret(Path keyFile) throws Exception {
        return Files.readString(keyFile).strip().substring(SealKey.PREFIX.length());
    }

    @Test
    void keygenWritesAPrivateKeyFileAndNeverPrintsTheKey() throws Exception {
        Path key = tmp.resolve("course.key");
        Run r = run("keygen", "--out", key.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("wrote a new key to " + key + "; keep it secret (a repository secret in CI)\n");
        assertThat(Files.readString(key)).matches("quizcard-key-v1:[A-Za-z0-9+/]{43}=\n");
        assertThat(SealKey.parse(Files.readString(key))).isNotNull();
        assertThat(r.all()).doesNotContain(secret(key));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        }
    }

    @Test
    void keygenRefusesToOverwriteAndToWriteToStandardOutput() throws Exception {
        Path key = tmp.resolve("course.key");
        run("keygen", "--out", key.toString());
        String before = Files.readString(key);

        Run again = run("keygen", "--out", key.toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("quizcard keygen: " + key + ": already exists; refusing to overwrite a key\n");
        assertThat(Files.readString(key)).isEqualTo(before);
        assertThat(again.all()).doesNotContain(secret(key));

        Run dash = run("keygen", "--out", "-");
        assertThat(dash.exit()).isEqualTo(2);
        assertThat(dash.err()).contains("never written to standard output");
        assertThat(dash.out()).isEmpty();

        assertThat(run("keygen").exit()).isEqualTo(2);
        assertThat(run("keygen", "--out", tmp.resolve("no/such/dir/k").toString()).err()).contains("no such directory");
    }

    @Test
    void sealWithoutAKeyRefuses() {
        Run r = run("seal", Fixtures.demoDir().toString(), "--out", tmp.resolve("sealed").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("quizcard seal: no key: pass --key-file or set QUIZCARD_KEY\n");
        assertThat(tmp.resolve("sealed")).doesNotExist();
    }

    @Test
    void sealWritesASealedBankThatOpensWithTheKey() throws Exception {
        Path key = tmp.resolve("course.key");
        run("keygen", "--out", key.toString());
        Path out = tmp.resolve("sealed");

        Run r = run("seal", "--key-file", key.toString(), Fixtures.demoDir().toString(), "--out", out.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("sealed 1 concept into " + out + "\nsealed-bank: sha256:");
        assertThat(r.all()).doesNotContain(secret(key));
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("containers.yaml", "misconceptions.yaml");
        }
        assertThat(Files.readString(out.resolve("containers.yaml"))).startsWith(Sealing.HEADER + "\n");
        BankLoader.Loaded loaded = BankLoader.load(BankFile.inDirectory(out));
        assertThat(loaded.problems()).isEmpty();
        Bank opened = Sealing.unseal(loaded.bank(), SealKey.parse(Files.readString(key)));
        assertThat(opened.questions().map(q -> q.common().explanation()))
                .containsExactlyElementsOf(Fixtures.demo().questions().map(q -> q.common().explanation()).toList());

        // Sealing again into the same directory replaces the earlier sealed files.
        assertThat(run("seal", "--key-file", key.toString(), Fixtures.demoDir().toString(), "--out", out.toString())
                .exit()).isZero();
    }

    @Test
    void theKeyMayComeFromTheEnvironment() throws Exception {
        SealKey key = SealKey.generate();
        env.put(KeyOptions.ENV, key.encode() + "\n");
        Path out = tmp.resolve("sealed");

        Run r = run("seal", Fixtures.demoDir().toString(), "--out", out.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.all()).doesNotContain(key.encode().substring(SealKey.PREFIX.length()));
        Bank sealed = BankLoader.load(BankFile.inDirectory(out)).orThrow();
        assertThat(Sealing.unseal(sealed, key).isSealed()).isFalse();
    }

    @Test
    void aMalformedKeyIsRefusedWithoutRepeatingIt() throws Exception {
        env.put(KeyOptions.ENV, "quizcard-key-v1:dG9wLXNlY3JldA==");
        Run fromEnv = run("seal", Fixtures.demoDir().toString(), "--out", tmp.resolve("a").toString());
        assertThat(fromEnv.exit()).isEqualTo(2);
        assertThat(fromEnv.err()).startsWith("quizcard seal: QUIZCARD_KEY: the key has 10 bytes").doesNotContain("dG9w");

        Path file = Files.writeString(tmp.resolve("bad.key"), "top-secret-words\n");
        Run fromFile = run("seal", "--key-file", file.toString(), Fixtures.demoDir().toString(), "--out",
                tmp.resolve("b").toString());
        assertThat(fromFile.exit()).isEqualTo(2);
        assertThat(fromFile.err()).startsWith("quizcard seal: " + file + ": not a quizcard key").doesNotContain("top-secret");

        Run missing = run("seal", "--key-file", tmp.resolve("none.key").toString(), Fixtures.demoDir().toString(),
                "--out", tmp.resolve("c").toString());
        assertThat(missing.err()).contains("none.key: no such key file");
    }

    @Test
    void sealRefusesToWriteOverABank() throws Exception {
        env.put(KeyOptions.ENV, SealKey.generate().encode());
        Path bank = Fixtures.copyDemo(tmp.resolve("bank"));

        Run into = run("seal", bank.toString(), "--out", bank.toString());
        assertThat(into.exit()).isEqualTo(2);
        assertThat(into.err()).contains("is a bank being sealed");

        Path other = Fixtures.copyDemo(tmp.resolve("other"));
        Run over = run("seal", bank.toString(), "--out", other.toString());
        assertThat(over.exit()).isEqualTo(2);
        assertThat(over.err()).contains("holds containers.yaml, which is not sealed");
        assertThat(Files.readString(other.resolve("containers.yaml")))
                .isEqualTo(Files.readString(bank.resolve("containers.yaml")));
    }

    @Test
    void keyOptionsGiveNoKeyWhenNoneIsConfigured() {
        Context context = new Context(new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), Map.of(), Clock.systemUTC(), false);
        assertThat(new KeyOptions().optionalKey(context)).isEmpty();
        SealKey key = SealKey.generate();
        Context withKey = new Context(context.in(), context.out(), context.err(), Map.of(KeyOptions.ENV, key.encode()),
                context.clock(), false);
        assertThat(new KeyOptions().key(withKey).encode()).isEqualTo(key.encode());
    }

    @Test
    void bothCommandsHaveHelpWithAnExample() {
        assertThat(run("keygen", "--help").out()).contains("Example:", "quizcard keygen --out");
        assertThat(run("seal", "--help").out()).contains("Example:", "quizcard seal --key-file");
    }
}
