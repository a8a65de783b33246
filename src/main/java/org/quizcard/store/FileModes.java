package org.quizcard.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * File modes, in one place. Learning data is private: the quizcard home and its backups
 * directory are {@code 0700}, the database, its backups and the copies kept aside {@code 0600},
 * whatever the umask; reports and answers files are ordinary ({@code 0644}). On a file system
 * without POSIX permissions (which the file system says) modes are left to its defaults.
 */
public final class FileModes {
    private static final String PRIVATE_FILE = "rw-------";

    private FileModes() {
    }

    /** Whether the file system holding {@code p} has POSIX permissions. */
    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the directory when missing, and makes it readable by its owner alone. */
    public static void privateDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        set(dir, "rwx------");
    }

    /** Makes an existing file readable and writable by its owner alone. */
    public static void privateFile(Path file) throws IOException {
        if (Files.exists(file)) set(file, PRIVATE_FILE);
    }

    /** Makes a file an ordinary one: its owner writes, everyone reads. */
    public static void ordinaryFile(Path file) throws IOException {
        set(file, "rw-r--r--");
    }

    /**
     * Creates an empty file readable by its owner alone, from the start (no moment with the
     * umask's mode); a file that already exists is left as it is.
     */
    public static void createPrivateFile(Path file) throws IOException {
        FileAttribute<?>[] mode = posix(file)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(PRIVATE_FILE))}
                : new FileAttribute<?>[0];
        try {
            Files.createFile(file, mode);
        } catch (FileAlreadyExistsException alreadyThere) {
            // another session created it first, or it was there: either way it exists now
        }
    }

    /** The file's mode (as {@code rw-r--r--}) when users other than its owner may read it. */
    public static Optional<String> readableByOthers(Path file) throws IOException {
        if (!posix(file)) return Optional.empty();
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
        boolean shared = mode.contains(PosixFilePermission.GROUP_READ) || mode.contains(PosixFilePermission.OTHERS_READ);
        return shared ? Optional.of(PosixFilePermissions.toString(mode)) : Optional.empty();
    }

    private static void set(Path p, String mode) throws IOException {
        if (posix(p)) Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }
}
