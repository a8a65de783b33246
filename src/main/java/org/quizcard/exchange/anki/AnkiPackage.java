package org.quizcard.exchange.anki;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Printable;
import org.quizcard.store.anki.Protobuf;

/**
 * An Anki package ({@code .apkg}, {@code .colpkg}: a zip) with its collection unpacked into a
 * private temporary directory, removed again by {@link #close}. The newest generation present is
 * read, as Anki reads it: {@code collection.anki21b} (zstd-compressed, schema 18), else {@code
 * collection.anki21}, else {@code collection.anki2} (schema 11).
 *
 * <p>The zip is untrusted: entry names are never used as paths (one that points outside the
 * package, {@code ..} or absolute, is refused all the same), the declared sizes are not believed
 * (every byte unpacked is counted, up to {@link #MAX_COLLECTION_BYTES}), and the number of
 * entries is capped. Media files are never unpacked: a bank holds text only.
 *
 * @param dir        the private directory the collection is unpacked into
 * @param collection the unpacked collection file
 */
record AnkiPackage(Path dir, Path collection) implements AutoCloseable {
    /** The most entries a package may have: a collection, its meta and media list, and its media files. */
    static final int MAX_ENTRIES = 200_000;
    /** The largest collection unpacked: far beyond a real one without its media. */
    static final long MAX_COLLECTION_BYTES = 2L << 30;
    /** The largest {@code meta} read: a single small protocol-buffer message. */
    static final int MAX_META_BYTES = 1 << 12;
    /** PackageMetadata.Version (anki/import_export.proto): 1 legacy anki2, 2 legacy anki21, 3 latest anki21b. */
    private static final int LATEST = 3;
    private static final String[] COLLECTIONS = {"collection.anki21b", "collection.anki21", "collection.anki2"};

    /**
     * Unpacks the collection of {@code file} into a new private directory under {@code scratch}.
     */
    static AnkiPackage open(Path file, Path scratch) {
        return open(file, scratch, MAX_ENTRIES, MAX_COLLECTION_BYTES);
    }

    /** {@link #open(Path, Path)} with other limits, for tests that cannot build a package of gigabytes. */
    static AnkiPackage open(Path file, Path scratch, int maxEntries, long maxBytes) {
        org.quizcard.InputFile.checkRegular(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > maxEntries) {
                throw QuizcardException.badInput(file + ": more than " + maxEntries + " entries in the package");
            }
            ZipEntry meta = null;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                ZipEntry z = e.nextElement();
                checkName(file, z.getName());
                if (z.getName().equals("meta")) meta = z;
            }
            int version = meta == null ? 0 : version(file, zip, meta);
            ZipEntry chosen = Stream.of(COLLECTIONS).map(zip::getEntry)
                    .filter(z -> z != null && !z.isDirectory()).findFirst()
                    .orElseThrow(() -> QuizcardException.badInput(file + ": no Anki collection in the "
                            + "package (collection.anki21b, collection.anki21 or collection.anki2)"));
            boolean zstd = chosen.getName().equals(COLLECTIONS[0]);
            if (version == LATEST && !zstd) {
                throw QuizcardException.badInput(file + ": its meta names collection.anki21b, which the package lacks");
            }
            return unpack(file, zip, chosen, zstd, scratch, maxBytes);
        } catch (java.util.zip.ZipException e) {
            throw QuizcardException.badInput(file + ": not a zip file, or a truncated one (" + message(e) + ")");
        } catch (IOException e) {
            throw QuizcardException.badInput(file + ": cannot read the package (" + message(e) + ")");
        }
    }

    /** Refuses an entry that names a place outside the package: it is never used as a path, but no sound package has one. */
    private static void checkName(Path file, String name) {
        boolean outside = name.startsWith("/") || name.startsWith("\\") || name.indexOf('\0') >= 0
                || name.length() > 1 && name.charAt(1) == ':';
        for (String part : name.split("[/\\\\]", -1)) outside |= part.equals("..");
        if (outside) {
            String shown = name.length() > 60 ? name.substring(0, 60) + "..." : name;
            throw QuizcardException.badInput(file + ": entry '" + Printable.line(shown) + "' points outside the package");
        }
    }

    /** PackageMetadata (anki/import_export.proto): field 1, {@code version}. */
    private static int version(Path file, ZipFile zip, ZipEntry meta) throws IOException {
        byte[] bytes;
        try (InputStream in = zip.getInputStream(meta)) {
            bytes = in.readNBytes(MAX_META_BYTES + 1);
        }
        if (bytes.length > MAX_META_BYTES) throw QuizcardException.badInput(file + ": its meta is too large to be Anki's");
        long version;
        try {
            version = Protobuf.numberField(bytes, 1);
        } catch (IllegalArgumentException e) {
            throw QuizcardException.badInput(file + ": its meta cannot be read (" + e.getMessage() + ")");
        }
        if (version < 1 || version > LATEST) {
            throw QuizcardException.badInput(file + ": its meta says package version " + version
                    + ", which quizcard does not read (made by a newer Anki?)");
        }
        return (int) version;
    }

    private static AnkiPackage unpack(Path file, ZipFile zip, ZipEntry entry, boolean zstd, Path scratch, long maxBytes)
            throws IOException {
        // a directory of its own inside the import's private scratch directory in --out
        // (owner-only, so what it holds is private too): nothing is unpacked anywhere else
        Path dir = Files.createTempDirectory(
                java.util.Objects.requireNonNull(scratch, "an Anki package needs a scratch directory"), "anki-");
        Path target = dir.resolve("collection.sqlite");
        boolean done = false;
        try (InputStream raw = zip.getInputStream(entry);
             InputStream in = zstd ? new ZstdInputStream(raw) : raw;
             OutputStream out = Files.newOutputStream(target)) {
            copyBounded(file, entry.getName(), in, out, maxBytes);
            done = true;
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw QuizcardException.badInput(file + ": " + entry.getName() + " is damaged or truncated (" + message(e) + ")");
        } catch (IOException | RuntimeException e) {
            if (e instanceof QuizcardException q) throw q;
            if (!zstd) throw e;
            throw QuizcardException.badInput(file + ": " + entry.getName() + " is not whole zstd data (" + message(e) + ")");
        } finally {
            if (!done) delete(dir);
        }
        return new AnkiPackage(dir, target);
    }

    private static void copyBounded(Path file, String name, InputStream in, OutputStream out, long maxBytes)
            throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > maxBytes) {
                throw QuizcardException.badInput(file + ": " + name + " unpacks to more than "
                        + String.format(java.util.Locale.ROOT, "%,d", maxBytes) + " bytes; refused (a zip bomb?)");
            }
            out.write(buffer, 0, n);
        }
    }

    private static String message(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return Printable.line(m.length() > 120 ? m.substring(0, 120) + "..." : m);
    }

    private static void delete(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // the temporary directory is the system's or the command's to clean
        }
    }

    @Override
    public void close() {
        delete(dir);
    }
}
