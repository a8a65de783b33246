package org.quizcard.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.quizcard.QuizcardException;
import org.quizcard.WriteProblem;
import org.quizcard.bank.SealKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quizcard keygen}: a new key for sealed banks, written to a private file and nowhere else. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {
            "Make a new key for sealing banks' answers ('quizcard seal') and grading sealed banks.",
            "The key is written to FILE only (mode 600), never to the terminal; an existing file is never overwritten."
        },
        footerHeading = "%nExample:%n",
        footer = {"  quizcard keygen --out course.key", "  gh secret set QUIZCARD_KEY < course.key"})
final class KeygenCommand extends ContextCommand {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the new key.")
    Path out;

    @Override
    public Integer call() {
        if (out.toString().equals("-")) {
            throw QuizcardException.badInput("the key is never written to standard output: give a file to --out");
        }
        String text = SealKey.generate().encode() + "\n";
        try {
            if (Files.getFileStore(parent(out)).supportsFileAttributeView("posix")) {
                Files.createFile(out, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.setPosixFilePermissions(out, OWNER_ONLY);
            } else {
                Files.createFile(out);
            }
            Files.writeString(out, text, StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException e) {
            throw QuizcardException.badInput(out + ": already exists; refusing to overwrite a key");
        } catch (NoSuchFileException e) {
            Path dir = out.toAbsolutePath().getParent();
            throw QuizcardException.badInput(out + ": cannot write the key ("
                    + (dir != null && !Files.isDirectory(dir) ? "no such directory " + dir : WriteProblem.cause(out, e)) + ")");
        } catch (IOException e) {
            throw QuizcardException.badInput(out + ": cannot write the key (" + WriteProblem.cause(out, e) + ")");
        }
        context.out().println("wrote a new key to " + out + "; keep it secret (a repository secret in CI)");
        return 0;
    }

    private static Path parent(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent != null && Files.isDirectory(parent) ? parent : Path.of("").toAbsolutePath();
    }
}
