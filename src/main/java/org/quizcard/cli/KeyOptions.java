package org.quizcard.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.quizcard.QuizcardException;
import org.quizcard.bank.SealKey;
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

    /** The key, or an error saying how to give one. */
    public SealKey key(Context context) {
        return optionalKey(context).orElseThrow(
                () -> QuizcardException.badInput("no key: pass --key-file or set " + ENV));
    }

    /** The key from {@code --key-file}, else from {@code QUIZCARD_KEY}; empty when neither is given. */
    public Optional<SealKey> optionalKey(Context context) {
        if (keyFile != null) return Optional.of(parse(keyFile + ": ", read(keyFile)));
        String fromEnv = context.env().get(ENV);
        if (fromEnv == null || fromEnv.isBlank()) return Optional.empty();
        return Optional.of(parse(ENV + ": ", fromEnv));
    }

    private static SealKey parse(String source, String text) {
        try {
            return SealKey.parse(text);
        } catch (QuizcardException e) {
            throw QuizcardException.badInput(source + e.getMessage());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw QuizcardException.badInput(file + ": no such key file");
        } catch (AccessDeniedException e) {
            throw QuizcardException.badInput(file + ": cannot read the key file (permission denied)");
        } catch (IOException e) {
            // The exception's message could quote the file's bytes (a malformed-input report), so it is left out.
            throw QuizcardException.badInput(file + ": cannot read the key file");
        }
    }
}
