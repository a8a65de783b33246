package org.quizcard.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Learning data is private: the quizcard home and its backups directory are made {@code 0700},
 * the database, its backups and the copies kept aside {@code 0600}, whatever the umask. On a file
 * system without POSIX permissions the defaults stay.
 */
public final class FileModes {
    private FileModes() {
    }

    /** Creates the directory when missing, and makes it readable by its owner alone. */
    public static void privateDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        set(dir, "rwx------");
    }

    /** Makes an existing file readable and writable by its owner alone. */
    public static void privateFile(Path file) throws IOException {
        if (Files.exists(file)) set(file, "rw-------");
    }

    private static void set(Path p, String mode) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        } catch (UnsupportedOperationException notPosix) {
            // other file systems keep their own defaults
        }
    }
}
