package org.quizcard.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.quizcard.Plural;
import org.quizcard.QuizcardException;
import org.quizcard.bank.BankFile;
import org.quizcard.bank.SealKey;
import org.quizcard.bank.Sealing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quizcard seal}: copies of banks whose answers are encrypted, for students to see and CI to grade. */
@Command(name = "seal", mixinStandardHelpOptions = true,
        description = {
            "Write sealed copies of banks: prompts and options stay readable, while right answers, accepted "
                    + "answers, misconception mappings and explanations are encrypted per question with the key.",
            "'quizcard exam' works on a sealed bank without the key; 'quizcard grade' needs it."
        },
        footerHeading = "%nExample:%n",
        footer = {"  quizcard seal --key-file course.key questions/ --out sealed/"})
final class SealCommand extends ContextCommand {
    @Mixin
    KeyOptions keyOptions;

    @Parameters(paramLabel = "BANK_DIR", arity = "1..*", description = "The bank directories to seal, together.")
    List<Path> banks = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Where to write the sealed bank: a new or empty directory, or an earlier sealed one.")
    Path out;

    @Override
    public Integer call() {
        SealKey key = keyOptions.key(context);
        List<BankFile> files = new ArrayList<>();
        for (Path bank : banks) {
            if (sameDirectory(bank, out)) {
                throw QuizcardException.badInput(out + ": is a bank being sealed; choose another --out directory");
            }
            files.addAll(BankFile.inDirectory(bank));
        }
        List<Path> earlier = checkOut();
        Map<String, String> sealed = Sealing.seal(files, key, new SecureRandom());
        for (Map.Entry<String, String> file : sealed.entrySet()) OutputFile.write(out.resolve(file.getKey()), file.getValue());
        // An earlier sealed output is replaced whole: a concept sealed then but not now would
        // otherwise stay beside the new files and break every student's grade.
        OwnedDirectory.removeStale(out, earlier, sealed.keySet(), "sealed file");
        long concepts = sealed.keySet().stream().filter(n -> !n.equals(BankFile.MISCONCEPTIONS)).count();
        context.out().println("sealed " + Plural.of(concepts, "concept") + " into " + out);
        context.out().println("sealed-bank: " + Sealing.fingerprint(BankFile.inDirectory(out))
                + "   (put this line in the assignment: grading then refuses any other bank)");
        return 0;
    }

    /**
     * Refuses an output directory that holds anything but an earlier sealed bank; returns the
     * files of that bank.
     */
    private List<Path> checkOut() {
        List<Path> earlier = OwnedDirectory.earlier(out, f -> f.getFileName().toString().equals(BankFile.MISCONCEPTIONS)
                || Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && isSealed(f), "which is not sealed");
        if (earlier.size() == 1 && earlier.get(0).getFileName().toString().equals(BankFile.MISCONCEPTIONS)) {
            throw QuizcardException.badInput(out + ": holds a bank that is not sealed; choose a new or empty --out directory");
        }
        return earlier;
    }

    /** Whether a file starts as a sealed bank does; only its first line is read. */
    private static boolean isSealed(Path file) throws IOException {
        String start = OwnedDirectory.start(file, 256);
        int end = start.indexOf('\n');
        return end >= 0 && Sealing.isSealedText(start.substring(0, end + 1));
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) return Files.isSameFile(a, b);
        } catch (IOException e) {
            // compared by name below
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
