package org.quizcard.bank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test banks: the demo bank in the test resources, and banks written from text. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The directory of the demo bank: one concept with every question type. */
    public static Path demoDir() {
        try {
            return Path.of(Fixtures.class.getResource("/banks/demo/containers.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Bank demo() {
        return BankLoader.load(BankFile.inDirectory(demoDir())).orThrow();
    }

    /** Loads YAML texts as one bank: pairs of file name and content. */
    public static BankLoader.Loaded load(String... nameAndText) {
        List<BankFile> files = new ArrayList<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            byte[] bytes = nameAndText[i + 1].getBytes(StandardCharsets.UTF_8);
            files.add(new BankFile(nameAndText[i], () -> new java.io.ByteArrayInputStream(bytes)));
        }
        return BankLoader.load(files);
    }

    /** Writes a copy of the demo bank into {@code dir} and returns it. */
    public static Path copyDemo(Path dir) {
        try {
            Files.createDirectories(dir);
            try (var files = Files.list(demoDir())) {
                for (Path f : files.toList()) {
                    Files.copy(f, dir.resolve(f.getFileName()));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo misconception catalogue's text, for banks built from strings. */
    public static String demoMisconceptions() {
        try {
            return Files.readString(demoDir().resolve("misconceptions.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
