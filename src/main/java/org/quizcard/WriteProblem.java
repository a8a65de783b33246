package org.quizcard;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Why a file or directory could not be made, in words that name the directory at fault and what
 * is wrong with it ("directory /x is not writable", "cannot create directory /x: a file is in
 * the way"), where the JDK's exceptions name only a path. The file system is asked again, so the
 * words hold whatever the exception's type; root, whom permissions do not stop, still meets a
 * file in the way and a file system that refuses writes (read-only, or such as {@code /proc}).
 */
public final class WriteProblem {
    private WriteProblem() {
    }

    /**
     * Why {@code target} (a file or directory, with any missing directories above it) could not
     * be created or written, after {@code e}: a file where a directory must be, the directory that
     * refused the new entry, a full disk, or else the system's own words.
     */
    public static String cause(Path target, IOException e) {
        Path absolute = target.toAbsolutePath().normalize();
        // a file where a directory must be: the outermost one, which is the one to move
        for (Path dir = absolute.getRoot(); dir != null && !dir.equals(absolute); dir = next(dir, absolute)) {
            if (Files.exists(dir) && !Files.isDirectory(dir)) return "cannot create directory " + dir + ": a file is in the way";
        }
        // the deepest directory there is: the one that refused what was to be made in it
        Path existing = absolute.getParent();
        while (existing != null && !Files.isDirectory(existing)) existing = existing.getParent();
        String reason = reason(e);
        if (existing == null) return reason;
        if (reason.contains("No space left")) return "the disk holding " + existing + " is full";
        Optional<String> unwritable = unwritable(existing);
        if (unwritable.isPresent()) return unwritable.get();
        // /proc answers "no such file" to whatever is created in it, /sys "not permitted"
        if (e instanceof AccessDeniedException || e instanceof NoSuchFileException
                || reason.contains("not permitted") || reason.contains("Read-only")) {
            return "directory " + existing + " is not writable";
        }
        return reason;
    }

    /**
     * "directory D is not writable" (with "the file system is read-only" when that is why) when this
     * process cannot create files in {@code dir}; empty when it can, as far as the system says.
     */
    public static Optional<String> unwritable(Path dir) {
        if (Files.isWritable(dir)) return Optional.empty();
        boolean readOnly;
        try {
            readOnly = Files.getFileStore(dir).isReadOnly();
        } catch (IOException e) {
            readOnly = false;
        }
        return Optional.of("directory " + dir + " is not writable" + (readOnly ? ": the file system is read-only" : ""));
    }

    /** The next directory from {@code dir} down towards {@code target}. */
    private static Path next(Path dir, Path target) {
        return dir.resolve(dir.relativize(target).getName(0));
    }

    /** The system's own words, with the path they name when they name one. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return (f.getFile() == null ? "" : f.getFile() + ": ") + f.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
