package org.quizcard.exchange.anki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quizcard.QuizcardException;
import org.quizcard.exchange.Catalogue;
import org.quizcard.exchange.ImportOptions;
import org.quizcard.store.anki.AnkiFixture;

/** Hostile packages: each is refused in one line naming the file (exit 2), and nothing stays in the scratch directory. */
class AnkiPackageHostileTest {
    @TempDir
    Path dir;
    Path scratch;
    ImportOptions options;

    @BeforeEach
    void scratch() throws IOException {
        scratch = Files.createDirectory(dir.resolve("scratch"));
        options = new ImportOptions(new Catalogue(Map.of()), null, true, scratch);
    }

    private QuizcardException refused(Path file) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> new AnkiPackageReader().read(file, options));
        assertThat(t).isInstanceOf(QuizcardException.class);
        QuizcardException e = (QuizcardException) t;
        assertThat(e.exitCode()).isEqualTo(QuizcardException.BAD_INPUT);
        assertThat(e.getMessage()).startsWith(file + ": ").doesNotContain("\n");
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        } catch (IOException io) {
            throw new AssertionError(io);
        }
        return e;
    }

    private Path zip(String name, Map<String, byte[]> entries) {
        return AnkiFixture.zip(dir.resolve(name), entries);
    }

    private byte[] collection(int schema) throws IOException {
        AnkiFixture a = schema == 18 ? AnkiFixture.schema18() : AnkiFixture.schema11();
        a.card(a.note(a.basic(), "g", "", "front", "back"), 1, 0);
        Path p = a.write(Files.createTempFile(dir, "c" + schema, ".sqlite"));
        return Files.readAllBytes(p);
    }

    /** A schema-18 collection changed by one SQL statement. */
    private byte[] altered(String sql) throws Exception {
        Path p = Files.write(Files.createTempFile(dir, "altered", ".sqlite"), collection(18));
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + p); Statement s = db.createStatement()) {
            s.execute(sql);
        }
        return Files.readAllBytes(p);
    }

    @Test
    void aZipBombIsRefusedAtTheCapWhateverTheZipDeclares() throws IOException {
        Path bomb = zip("bomb.apkg", Map.of("collection.anki2", new byte[8 << 20]));
        assertThatThrownBy(() -> AnkiPackage.open(bomb, scratch, 100, 1 << 20))
                .isInstanceOf(QuizcardException.class)
                .hasMessage(bomb + ": collection.anki2 unpacks to more than 1,048,576 bytes; refused (a zip bomb?)");
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
        Path zstdBomb = zip("bomb.colpkg", Map.of("collection.anki21b", AnkiFixture.zstd(new byte[8 << 20]),
                "meta", new byte[] {0x08, 0x03}));
        assertThatThrownBy(() -> AnkiPackage.open(zstdBomb, scratch, 100, 1 << 20))
                .hasMessageContaining("collection.anki21b unpacks to more than 1,048,576 bytes");
    }

    @Test
    void tooManyEntriesAreRefused() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) entries.put(String.valueOf(i), new byte[0]);
        Path many = zip("many.apkg", entries);
        assertThatThrownBy(() -> AnkiPackage.open(many, scratch, 10, 1 << 20))
                .hasMessage(many + ": more than 10 entries in the package");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../collection.anki2", "/etc/passwd", "media/../../x", "C:\\evil", "a\\..\\..\\b"})
    void entriesPointingOutsideThePackageAreRefused(String name) throws IOException {
        Path evil = zip("evil.apkg", Map.of("collection.anki2", collection(11), name, new byte[] {1}));
        assertThat(refused(evil).getMessage()).endsWith("' points outside the package");
        assertThat(dir.getParent().resolve("collection.anki2")).doesNotExist();
    }

    @Test
    void anSqliteFileThatIsNotAnkisIsRefused() throws Exception {
        Path other = dir.resolve("other.sqlite");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = db.createStatement()) {
            s.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
        }
        assertThat(refused(zip("other.apkg", Map.of("collection.anki2", Files.readAllBytes(other)))))
                .hasMessage(dir.resolve("other.apkg") + ": not an Anki collection");
        Path text = zip("text.apkg", Map.of("collection.anki21", "hello".repeat(200).getBytes(StandardCharsets.UTF_8)));
        assertThat(refused(text).getMessage()).startsWith(text + ": not an Anki collection");
    }

    @Test
    void ankisTablesMustBeTablesNotViewsThatCouldRunForever() throws Exception {
        Path sneaky = dir.resolve("sneaky.sqlite");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + sneaky); Statement s = db.createStatement()) {
            for (String t : new String[] {"col", "cards", "revlog"}) s.execute("CREATE TABLE " + t + " (id INTEGER)");
            s.execute("CREATE VIEW notes AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i FROM n");
        }
        assertThat(refused(zip("sneaky.apkg", Map.of("collection.anki2", Files.readAllBytes(sneaky)))))
                .hasMessageEndingWith(": not an Anki collection");
    }

    @Test
    void aSchemaQuizcardDoesNotKnowIsRefused() throws Exception {
        assertThat(refused(zip("future.apkg", Map.of("collection.anki21", altered("UPDATE col SET ver = 42")))))
                .hasMessageEndingWith(": an Anki collection of schema 42, which quizcard does not read (it reads 11 to 18)");
    }

    @Test
    void aZipWithoutACollectionIsRefused() {
        Path none = zip("none.apkg", Map.of("media", "{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(refused(none)).hasMessage(none + ": no Anki collection in the package (collection.anki21b, "
                + "collection.anki21 or collection.anki2)");
    }

    @Test
    void truncatedZstdIsRefused() throws IOException {
        byte[] z = AnkiFixture.zstd(collection(18));
        Path cut = zip("cut.colpkg", Map.of("collection.anki21b", Arrays.copyOf(z, z.length / 2), "meta", new byte[] {0x08, 0x03}));
        assertThat(refused(cut).getMessage()).startsWith(cut + ": collection.anki21b is not whole zstd data");
        Path garbage = zip("garbage.colpkg", Map.of("collection.anki21b", collection(18), "meta", new byte[] {0x08, 0x03}));
        assertThat(refused(garbage).getMessage()).startsWith(garbage + ": collection.anki21b is not whole zstd data");
    }

    @Test
    void aCorruptMetaIsRefused() throws IOException {
        byte[] z = AnkiFixture.zstd(collection(18));
        assertThat(refused(zip("m1.apkg", Map.of("collection.anki21b", z, "meta", new byte[] {0x08}))).getMessage())
                .endsWith(": its meta cannot be read (the message ends inside a number)");
        assertThat(refused(zip("m2.apkg", Map.of("collection.anki21b", z, "meta", new byte[] {0x0b, 0x01}))).getMessage())
                .endsWith(": its meta cannot be read (wire type 3)");
        assertThat(refused(zip("m3.apkg", Map.of("collection.anki21b", z, "meta", new byte[] {0x08, 0x63}))).getMessage())
                .endsWith(": its meta says package version 99, which quizcard does not read (made by a newer Anki?)");
        assertThat(refused(zip("m4.apkg", Map.of("collection.anki2", collection(11), "meta", new byte[] {0x08, 0x03})))
                .getMessage()).endsWith(": its meta names collection.anki21b, which the package lacks");
    }

    @Test
    void aCorruptConfigBlobIsRefused() throws Exception {
        byte[] blob = altered("UPDATE notetypes SET config = x'127f01'");
        assertThat(refused(zip("blob.colpkg", Map.of("collection.anki21b", AnkiFixture.zstd(blob),
                "meta", new byte[] {0x08, 0x03}))).getMessage())
                .endsWith(": a note type's config cannot be read (a length past the end of the message)");
    }

    @Test
    void aCorruptDeckConfigIsRefusedNamingTheFile() throws Exception {
        byte[] blob = altered("UPDATE decks SET kind = x'0a7f01'");
        Path pkg = zip("deck.colpkg", Map.of("collection.anki21b", AnkiFixture.zstd(blob),
                "meta", new byte[] {0x08, 0x03}));
        assertThat(refused(pkg).getMessage()).startsWith(pkg + ": a deck's config cannot be read")
                .endsWith("(a length past the end of the message)");
    }

    @Test
    void aTruncatedZipOrNoZipAtAllIsRefused() throws IOException {
        Path whole = new AnkiFixtureHolder(dir).apkg();
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.apkg"), Arrays.copyOf(bytes, bytes.length - 30));
        assertThat(refused(cut).getMessage()).startsWith(cut + ": not a zip file, or a truncated one");
        Path text = Files.writeString(dir.resolve("text.apkg"), "just text");
        assertThat(refused(text).getMessage()).startsWith(text + ": not a zip file, or a truncated one");
    }

    /** A sound package to damage. */
    private record AnkiFixtureHolder(Path dir) {
        Path apkg() {
            AnkiFixture a = AnkiFixture.schema11();
            a.card(a.note(a.basic(), "g", "", "front", "back"), 1, 0);
            return a.pack(dir, "whole.apkg", 2);
        }
    }
}
