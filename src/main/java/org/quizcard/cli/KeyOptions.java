package org.quizcard.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.quizcard.InputFile;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;
import org.quizcard.bank.SealKey;
import org.quizcard.bank.Sealing;
import org.quizcard.store.FileModes;
import picocli.CommandLine.Option;

/**
 * The {@code --key-file} option of the commands that need the key of a sealed bank; without it
 * the key comes from {@code QUIZCARD_KEY}. Messages name where the key came from, never the key.
 */
public final class KeyOptions {
    /** The environment variable holding a key's text (a repository secret in CI). */
    public static final String ENV = "QUIZCARD_KEY";

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "The key of the sealed bank, as written by 'quizcard keygen' (default: $" + ENV + ").")
    Path keyFile;

    /**
     * The bank ready for checking answers: as it is when it is plain, unsealed with the key when
     * it is sealed, and an error when it is sealed and no key was given. {@code purpose} says what
     * the key is needed for.
     */
    public Bank answerable(Context context, Bank bank, String purpose) {
        if (!bank.isSealed()) return bank;
        SealKey key = optionalKey(context).orElseThrow(() -> QuizcardException.badInput("no key: the bank is sealed, "
                + "and " + purpose + " needs its key (--key-file FILE or " + ENV + ")"));
        return Sealing.unseal(bank, key);
    }

    /** The key, or an error saying how to give one. */
    public SealKey key(Context context) {
        return optionalKey(context).orElseThrow(
                () -> QuizcardException.badInput("no key: pass --key-file or set " + ENV));
    }

    /** The key from {@code --key-file}, else from {@code QUIZCARD_KEY}; empty when neither is given. */
    public Optional<SealKey> optionalKey(Context context) {
        if (keyFile != null) {
            SealKey key = parse(keyFile + ": ", read(keyFile));
            warnIfShared(keyFile, context);
            return Optional.of(key);
        }
        return context.variable(ENV).map(text -> parse(ENV + ": ", text));
    }

    private static SealKey parse(String source, String text) {
        try {
            return SealKey.parse(text);
        } catch (QuizcardException e) {
            throw QuizcardException.badInput(source + e.getMessage());
        }
    }

    /** Longest key file read: a key is one short line. */
    static final int MAX_KEY_FILE = 4096;

    private static String read(Path file) {
        // The file's bytes are never quoted in a message: they may be a key, or a secret it is not.
        if (!Files.exists(file)) throw QuizcardException.badInput(file + ": no such key file");
        return new String(InputFile.read(file, MAX_KEY_FILE, "a key file"), StandardCharsets.UTF_8);
    }

    /** Says so on stderr when a key file can be read by others than its owner. */
    private static void warnIfShared(Path file, Context context) {
        try {
            FileModes.readableByOthers(file).ifPresent(mode -> context.err().println("quizcard: warning: " + file
                    + " can be read by other users (mode " + mode + "); make it private with: chmod 600 " + file));
        } catch (IOException e) {
            throw QuizcardException.badInput(file + ": cannot read the key file's mode (" + e.getMessage() + ")");
        }
    }
}
