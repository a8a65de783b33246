package org.quizcard.exchange.anki;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Concept;
import org.quizcard.exchange.BankExporter;
import org.quizcard.exchange.Loss;
import org.quizcard.store.anki.AnkiCollectionWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bank as a legacy Anki package ({@code .apkg}): a zip of {@code collection.anki2} (schema 11)
 * and an empty {@code media} map, which every Anki since 2.0 and every third-party reader opens.
 * Notes as {@link AnkiNotes} makes them, each card new, in bank order. Ids are derived from what
 * they name (a card's from its note's GUID, a deck's from its concept, a note type's from its
 * name; note ids count up in bank order from one derived from the first note's GUID, since a note's
 * id is when Anki made it and readers take notes in that order), so exporting the same bank twice
 * gives the same notes, cards and ids; only the times differ, and they are the clock's.
 */
public final class AnkiPackageWriter implements BankExporter {
    /** The name of the collection inside a legacy package. */
    static final String COLLECTION = "collection.anki2";
    /** Anki's own deck and deck options, which every collection has. */
    private static final long DEFAULT = 1;

    private final Clock clock;

    /** A writer that stamps notes, cards and the collection with {@code clock}'s time. */
    public AnkiPackageWriter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<Loss> write(Bank bank, Path out) throws IOException {
        List<Loss> losses = new ArrayList<>();
        List<AnkiNotes.Note> notes = AnkiNotes.of(bank, losses);
        Path dir = out.toAbsolutePath().getParent();
        Path db = Files.createTempFile(dir, ".quizcard-anki-", ".anki2");
        try {
            Files.delete(db);
            writeCollection(bank, notes, db);
            try (OutputStream file = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(file)) {
                entry(zip, COLLECTION);
                Files.copy(db, zip);
                zip.closeEntry();
                entry(zip, "media");
                zip.write("{}".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } finally {
            Files.deleteIfExists(db);
            Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-journal"));
        }
        return losses;
    }

    private void entry(ZipOutputStream zip, String name) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(clock.millis());
        zip.putNextEntry(e);
    }

    private void writeCollection(Bank bank, List<AnkiNotes.Note> notes, Path db) {
        Instant now = clock.instant();
        long secs = now.getEpochSecond();
        Ids ids = new Ids();
        Map<Concept, Long> deckIds = new LinkedHashMap<>();
        bank.concepts().forEach(c -> deckIds.put(c, ids.of("deck:" + c.id())));
        Map<String, Integer> tagMap = new TreeMap<>();
        notes.forEach(n -> n.tags().forEach(t -> tagMap.put(t, 0)));
        AnkiCollectionJson json = new AnkiCollectionJson(secs);
        try (AnkiCollectionWriter w = AnkiCollectionWriter.create(db)) {
            w.collection(new AnkiCollectionWriter.Collection(now.truncatedTo(ChronoUnit.DAYS).getEpochSecond(),
                    now.toEpochMilli(), json.conf(notes.size() + 1, modelId(AnkiModel.BASIC)),
                    json.models(DEFAULT), json.decks(deckIds, AnkiNotes.deckNames(bank.concepts())),
                    json.deckOptions(), write(tagMap)));
            long position = 0;
            long nid = 0;
            for (AnkiNotes.Note n : notes) {
                position++;
                nid = position == 1 ? ids.firstOfRun("notes:" + n.guid()) : ids.after(nid);
                String first = AnkiNotes.stripped(n.fields().get(0));
                w.note(new AnkiCollectionWriter.Note(nid, n.guid(), modelId(n.model()), secs,
                        n.tags().isEmpty() ? "" : " " + String.join(" ", n.tags()) + " ", String.join("\u001f",
                        n.fields()), first, checksum(first)));
                for (int ord = 0; ord < n.cards(); ord++) {
                    w.card(new AnkiCollectionWriter.Card(ids.of("card:" + n.guid() + "#" + ord), nid,
                            deckIds.get(n.concept()), ord, secs, position));
                }
            }
        }
    }

    /** A note type's id: the same in every export, so Anki updates the note type it made before. */
    static long modelId(AnkiModel model) {
        return new Ids().of("notetype:" + model.noteType);
    }

    /** Anki's duplicate checksum of a field's stripped text: the first 32 bits of its SHA-1. */
    static long checksum(String stripped) {
        return Integer.toUnsignedLong(ByteBuffer.wrap(sha1(stripped)).getInt());
    }

    static String write(Object json) {
        return JsonMapper.shared().writeValueAsString(json);
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java platform", e);
        }
    }

    /**
     * Ids derived from names: 52 bits of the name's SHA-1 above 2^40 (where Anki's own millisecond
     * ids lie, and below 2^53, so a JavaScript reader reads them exactly), the next free one on a
     * collision.
     */
    static final class Ids {
        private static final long LOW = 1L << 40;
        private static final long RANGE = (1L << 53) - LOW;
        private final Set<Long> taken = new HashSet<>();

        long of(String name) {
            long id = LOW + Long.remainderUnsigned(hash(name), RANGE);
            while (!taken.add(id)) id = id + 1 < LOW + RANGE ? id + 1 : LOW;
            return id;
        }

        /** The first of a run of increasing ids ({@link #after}): in the lower half of the range, so the run fits. */
        long firstOfRun(String name) {
            long id = LOW + Long.remainderUnsigned(hash(name), RANGE / 2);
            while (!taken.add(id)) id++;
            return id;
        }

        /** The next free id above {@code previous}. */
        long after(long previous) {
            long id = previous + 1;
            while (!taken.add(id)) id++;
            return id;
        }

        /** The first 64 bits of the name's SHA-1. */
        private static long hash(String name) {
            return ByteBuffer.wrap(sha1(name)).getLong();
        }
    }
}
