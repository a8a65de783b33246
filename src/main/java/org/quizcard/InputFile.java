package org.quizcard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a whole file that someone else wrote (a key, a result, a review history): only a regular
 * file, and never more than a limit. A FIFO with no writer would hang a read, and a device such as
 * {@code /dev/zero} never ends, so neither is opened; a file over the limit is refused before it
 * fills memory. Every refusal is one line naming the file, and never quotes its bytes.
 */
public final class InputFile {
    private InputFile() {
    }

    /** The bytes of {@code file}, at most {@code limit} of them; {@code what} names what it should be. */
    public static byte[] read(Path file, int limit, String what) {
        checkRegular(file);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw QuizcardException.badInput(file + ": larger than " + limit + " bytes, too large for " + what);
            }
            return bytes;
        } catch (AccessDeniedException e) {
            throw QuizcardException.badInput(file + ": cannot read (permission denied)");
        } catch (IOException e) {
            throw QuizcardException.badInput(file + ": cannot read");
        }
    }

    /** Refuses anything but an existing regular file (after following links), without opening it. */
    public static void checkRegular(Path file) {
        if (Files.isRegularFile(file)) return;
        String why = !Files.exists(file) ? "no such file" : Files.isDirectory(file) ? "is a directory"
                : "not a regular file";
        throw QuizcardException.badInput(file + ": " + why);
    }
}
