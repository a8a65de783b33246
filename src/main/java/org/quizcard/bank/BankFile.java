package org.quizcard.bank;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.quizcard.QuizcardException;

/**
 * One bank file to load: the path shown in messages and a way to open its bytes. Bank
 * directories on disk and the banks shipped inside the jar both become lists of these.
 */
public record BankFile(String path, Opener opener) {
    /** The name of the misconception catalogue in every bank directory. */
    public static final String MISCONCEPTIONS = "misconceptions.yaml";

    /** Opens the file's bytes. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** The file name without its directory. */
    public String name() {
        return name(path);
    }

    /** The name of the file at {@code path} without its directory and its extension. */
    static String stem(String path) {
        String name = name(path);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String name(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    public boolean isMisconceptions() {
        return name().equals(MISCONCEPTIONS);
    }

    public byte[] readAllBytes() throws IOException {
        try (InputStream in = opener.open()) {
            return in.readAllBytes();
        }
    }

    /** At most {@code limit + 1} bytes of the file: more than {@code limit} means it is too big to read. */
    public byte[] readAtMost(int limit) throws IOException {
        try (InputStream in = opener.open()) {
            return in.readNBytes(limit + 1);
        }
    }

    /** A single file on disk. */
    public static BankFile of(Path file) {
        return new BankFile(file.toString(), () -> Files.newInputStream(file));
    }

    /** The {@code .yaml} files of a bank directory, sorted by name. */
    public static List<BankFile> inDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw QuizcardException.badInput(dir + ": not a bank directory");
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.{yaml,yml}")) {
            s.forEach(files::add);
        } catch (IOException e) {
            throw QuizcardException.badInput(dir + ": cannot list the bank directory (" + e.getMessage() + ")");
        }
        files.sort(null);
        return files.stream().filter(Files::isRegularFile).map(BankFile::of).toList();
    }

    /** The banks packed into the jar (or the class path) under {@code questions/}. */
    public static List<BankFile> shipped() {
        URL marker = BankFile.class.getResource("/questions/" + MISCONCEPTIONS);
        if (marker == null) {
            throw new IllegalStateException("the shipped banks are missing from the class path");
        }
        try {
            if (marker.getProtocol().equals("file")) {
                Path dir = Path.of(marker.toURI()).getParent();
                return inDirectory(dir).stream()
                        .map(f -> new BankFile("questions/" + f.name(), f.opener()))
                        .toList();
            }
            JarURLConnection connection = (JarURLConnection) marker.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                return jar.stream().map(JarEntry::getName)
                        .filter(name -> name.startsWith("questions/") && name.endsWith(".yaml") && name.indexOf('/', 10) < 0)
                        .sorted()
                        .map(name -> new BankFile(name, () -> openResource(name)))
                        .toList();
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the shipped banks", e);
        }
    }

    private static InputStream openResource(String name) throws IOException {
        InputStream in = BankFile.class.getResourceAsStream("/" + name);
        if (in == null) throw new IOException("missing resource " + name);
        return in;
    }
}
