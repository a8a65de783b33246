package org.quizcard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quizcard.InputFile;
import org.quizcard.Plural;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;
import org.quizcard.bank.BankFile;
import org.quizcard.bank.BankLoader;
import org.quizcard.bank.BankWriter;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Misconception;
import org.quizcard.bank.Problem;
import org.quizcard.bank.Question;
import org.quizcard.exchange.Catalogue;
import org.quizcard.exchange.Deck;
import org.quizcard.exchange.Exchange;
import org.quizcard.exchange.Format;
import org.quizcard.exchange.Ids;
import org.quizcard.exchange.ImportOptions;
import org.quizcard.exchange.Loss;
import org.quizcard.exchange.Rebind;
import org.quizcard.srs.PastReview;
import org.quizcard.store.ProgressStore;
import org.quizcard.study.History;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quizcard import}: banks from Anki packages and notes, Moodle XML and GIFT. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {
            "Write banks from Anki decks, Moodle XML and GIFT files.",
            "Reads Anki packages (.apkg, .colpkg: every generation), Anki's plain-text notes, Moodle XML and GIFT; "
                    + "each file's format is found from its name and first bytes, or given with --from.",
            "What a bank cannot hold (images, sounds, partial credit) is listed item by item. Feedback naming a "
                    + "misconception of the known banks (--bank, else the shipped ones) tags the option with it."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  quizcard import deck.apkg --out banks/spanish --with-history",
            "  quizcard import quiz.xml more.gift --out banks/os --concept paging"
        })
final class ImportCommand extends BankCommand {
    /** The first line of every file an import writes; a later import into the same directory may replace them. */
    static final String HEADER = "# Written by quizcard import; edit freely (an import into this directory again replaces it).\n";
    /**
     * The private directory inside {@code --out} a package is unpacked into while it is read
     * (an Anki collection is an SQLite file, which must be a file to be opened); removed when the
     * import ends, and removed if an interrupted import left it.
     */
    static final String SCRATCH = ".quizcard-import-scratch";
    /** The most bytes of a file's start read to tell its format. */
    private static final int HEAD = 4096;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The files to import.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Where to write the banks: a new or empty directory, or one an earlier import wrote.")
    Path out;

    @Option(names = "--concept", paramLabel = "ID",
            description = "Put every question into this one concept, instead of one per Anki deck, Moodle category "
                    + "or GIFT category (else per file).")
    String concept;

    @Option(names = "--from", paramLabel = "FORMAT",
            description = "The files' format, when their names do not tell: anki, anki-text, moodle or gift.")
    String from;

    @Option(names = "--with-history",
            description = "Also bring an Anki package's review log into your progress, so 'quizcard study' continues "
                    + "where Anki left off.")
    boolean withHistory;

    @Override
    public Integer call() {
        if (concept != null && !Ids.valid(concept)) {
            throw QuizcardException.badInput("--concept '" + concept + "': must be lower-case words joined by hyphens");
        }
        Format forced = from == null ? null : Format.of(from).filter(Format::imports).orElseThrow(() ->
                QuizcardException.badInput("--from '" + from + "': not a format quizcard imports (anki, anki-text, "
                        + "moodle, gift)"));
        boolean madeOut = !Files.exists(out, LinkOption.NOFOLLOW_LINKS);
        List<Path> earlier = checkOut();
        Bank known = context.bank(banks);
        List<Format> formats = files.stream()
                .map(f -> forced == null ? detect(f) : forced).toList();
        List<Deck> decks = new ArrayList<>();
        Path scratch = formats.contains(Format.ANKI) ? scratch() : null;
        boolean read = false;
        try {
            var catalogue = new Catalogue(known.misconceptions());
            var options = new ImportOptions(catalogue, concept, withHistory, scratch);
            for (int i = 0; i < files.size(); i++) decks.add(Exchange.reader(formats.get(i)).read(files.get(i), options));
            read = true;
        } finally {
            if (scratch != null) removeScratch(scratch);
            if (!read && madeOut) removeIfEmpty(out);
        }
        Deck merged = Rebind.merge(decks);
        if (merged.concepts().stream().allMatch(c -> c.questions().isEmpty())) {
            merged.losses().forEach(loss -> context.err().println("  " + loss));
            if (madeOut) removeIfEmpty(out);
            throw QuizcardException.badInput((files.size() == 1 ? files.get(0) + ": holds" : "the files hold")
                    + " no question quizcard can carry over; nothing was written");
        }
        Map<String, String> written = texts(merged);
        Bank bank = check(written);
        for (Map.Entry<String, String> f : written.entrySet()) OutputFile.write(out.resolve(f.getKey()), f.getValue());
        OwnedDirectory.removeStale(out, earlier, written.keySet(), "imported file");
        report(merged, bank);
        warnOfTakenIds(bank, known);
        if (withHistory) {
            List<PastReview> history = merged.history();
            context.out().println(history.isEmpty() ? "no review history to bring in"
                    : recordHistory(bank, history));
        }
        return 0;
    }

    private Format detect(Path file) {
        InputFile.checkRegular(file);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        } catch (IOException e) {
            throw QuizcardException.badInput(file + ": cannot read (" + e.getMessage() + ")");
        }
        return Format.detect(file.getFileName().toString(), head).orElseThrow(() -> QuizcardException.badInput(
                file + ": cannot tell its format from its name; give --from anki, anki-text, moodle or gift"));
    }

    /** Each file to write, by name: a concept file per concept and the misconception catalogue. */
    private static Map<String, String> texts(Deck merged) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Concept c : merged.concepts()) texts.put(c.id() + ".yaml", BankWriter.concept(c, HEADER));
        texts.put(BankFile.MISCONCEPTIONS, BankWriter.catalogue(merged.misconceptions(), HEADER));
        return texts;
    }

    /**
     * Loads the bank about to be written, as {@code quizcard lint} would: an import that wrote a
     * bank lint refuses would be a bug, so it is caught before anything is written.
     */
    private Bank check(Map<String, String> texts) {
        List<BankFile> files = new ArrayList<>();
        texts.forEach((name, text) -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            files.add(new BankFile(out.resolve(name).toString(), () -> new java.io.ByteArrayInputStream(bytes)));
        });
        BankLoader.Loaded loaded = BankLoader.load(files);
        List<Problem> errors = loaded.errors();
        if (!errors.isEmpty()) {
            throw new QuizcardException("the imported bank would not load: " + errors.get(0).format(), QuizcardException.FAILED);
        }
        return loaded.bank();
    }

    private void report(Deck merged, Bank bank) {
        long questions = bank.questions().count();
        context.out().println("imported " + Plural.of(questions, "question") + " into "
                + Plural.of(bank.concepts().size(), "concept") + " in " + out);
        for (Concept c : bank.concepts()) {
            context.out().println("  " + c.id() + ".yaml: " + Plural.of(c.questions().size(), "question"));
        }
        long unexplained = bank.questions().filter(q -> !(q instanceof Question.Flashcard))
                .filter(q -> q.common().explanation().isBlank()).count();
        if (unexplained > 0) {
            context.out().println(Plural.of(unexplained, "question") + " came without an explanation: 'quizcard lint --bank "
                    + out + "' lists them (no-explanation)");
        }
        List<Loss> losses = merged.losses();
        if (!losses.isEmpty()) {
            context.out().println("not carried over (" + losses.size() + "):");
            for (Loss loss : losses) context.out().println("  " + loss);
        }
        context.out().println("study them: quizcard study --bank " + out);
    }

    /** Brings the history into the learner's progress (after today's backup), and says what it brought. */
    private String recordHistory(Bank bank, List<PastReview> history) {
        try (ProgressStore store = Progress.openForSession(context)) {
            History.Brought b = History.record(store, Progress.scheduler(context, store), bank, history);
            StringBuilder said = new StringBuilder("brought " + Plural.of(b.reviews(), "review") + " of "
                    + Plural.of(b.questions(), "question") + " into your progress (" + store.file() + ")");
            if (b.skipped() > 0) said.append("; ").append(Plural.of(b.skipped(), "review")).append(" already there skipped");
            if (b.unschedulable() > 0) {
                said.append("; ").append(Plural.of(b.unschedulable(), "review"))
                        .append(" at dates that cannot be scheduled left out");
            }
            return said.toString();
        }
    }

    /**
     * Warns when an imported question has the id ({@code concept/id}) of a question of the banks
     * quizcard knows that asks something else (another prompt): the learner's progress keeps one
     * history per id, so the two would share it. The same question come back (quizcard's own
     * export imported again, perhaps with a part the format could not carry) is not warned of.
     */
    private void warnOfTakenIds(Bank imported, Bank known) {
        Map<String, String> prompts = new java.util.HashMap<>();
        known.questions().forEach(q -> prompts.put(q.ref(), q.prompt()));
        List<String> taken = imported.questions()
                .filter(q -> prompts.containsKey(q.ref()) && !prompts.get(q.ref()).equals(q.prompt()))
                .map(Question::ref).toList();
        if (taken.isEmpty()) return;
        context.err().println("quizcard import: warning: " + Plural.of(taken.size(), "question") + " ha"
                + (taken.size() == 1 ? "s" : "ve") + " the id of another question of the known banks (" + taken.get(0)
                + (taken.size() > 1 ? ", ..." : "") + "): your progress keeps one history per id; import with "
                + "--concept to give them ids of their own");
    }

    /**
     * Refuses an output directory that holds anything but files an earlier import wrote; returns
     * those files, which this import replaces.
     */
    private List<Path> checkOut() {
        List<Path> earlier = new ArrayList<>(OwnedDirectory.earlier(out, f -> isScratch(f)
                || Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
                && OwnedDirectory.start(f, HEADER.length()).equals(HEADER),
                "which no import wrote"));
        // an import that was interrupted left its scratch directory: nothing in it is kept
        earlier.stream().filter(ImportCommand::isScratch).forEach(ImportCommand::removeScratch);
        earlier.removeIf(ImportCommand::isScratch);
        return earlier;
    }

    private static boolean isScratch(Path f) {
        return f.getFileName().toString().equals(SCRATCH) && Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS);
    }

    /** Makes the private scratch directory inside {@code --out} (and {@code --out} itself when missing). */
    private Path scratch() {
        Path dir = out.resolve(SCRATCH);
        try {
            Files.createDirectories(out);
            org.quizcard.store.FileModes.privateDirectory(dir);
            return dir;
        } catch (IOException e) {
            throw QuizcardException.badInput(out + ": cannot make a directory to unpack into ("
                    + org.quizcard.WriteProblem.cause(dir, e) + ")");
        }
    }

    /** Removes the scratch directory and whatever a reader left in it. */
    private static void removeScratch(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // left for the next import into this directory, which removes it first
        }
    }

    private static void removeIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // not empty, or not ours to remove
        }
    }
}
