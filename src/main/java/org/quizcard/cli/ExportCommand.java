package org.quizcard.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.quizcard.Plural;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;
import org.quizcard.exchange.Exchange;
import org.quizcard.exchange.Format;
import org.quizcard.exchange.Loss;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quizcard export}: banks as an Anki package or notes, Moodle XML, GIFT or a QTI 3.0 package. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {
            "Write banks as an Anki deck, Moodle XML, GIFT or a QTI 3.0 package.",
            "Formats: an Anki package (every question type; importing it again updates the notes rather than adding "
                    + "new ones), Anki's plain-text notes, Moodle XML (all nine types, misconceptions as per-answer "
                    + "feedback), GIFT, or a QTI 3.0 package.",
            "What the format cannot express is listed question by question."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  quizcard export questions/ --format anki --out os-concepts.apkg",
            "  quizcard export questions/ --format moodle --out os-concepts.xml"
        })
final class ExportCommand extends ContextCommand {
    @Parameters(paramLabel = "BANK_DIR", arity = "0..*",
            description = "The bank directories to export, together (default: $QUIZCARD_BANKS, else the shipped banks).")
    List<Path> banks = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", required = true,
            description = "anki (.apkg), anki-text (.txt), moodle (.xml), gift (.gift) or qti (.zip).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The file to write.")
    Path out;

    @Override
    public Integer call() {
        Format f = Format.of(format).orElseThrow(() -> QuizcardException.badInput("--format '" + format
                + "': one of anki, anki-text, moodle, gift, qti"));
        Bank bank = context.bank(banks);
        if (bank.isSealed()) {
            throw QuizcardException.badInput("the bank is sealed: its answers are encrypted, so there is nothing to "
                    + "export but prompts; export the bank it was sealed from");
        }
        if (bank.questions().findAny().isEmpty()) {
            throw QuizcardException.badInput("the banks hold no question to export; nothing was written");
        }
        List<Loss> losses = new ArrayList<>();
        OutputFile.write(out, tmp -> losses.addAll(Exchange.writer(f, context.clock()).write(bank, tmp)));
        long questions = bank.questions().count();
        context.out().println("exported " + Plural.of(questions - losses.stream().filter(Loss::dropped).count(),
                "question") + " of " + bank.concepts().size() + " " + Plural.noun(bank.concepts().size(), "concept")
                + " to " + out + " (" + f.description() + ")");
        if (!losses.isEmpty()) {
            context.out().println("not carried over (" + losses.size() + "):");
            for (Loss loss : losses) context.out().println("  " + loss);
        }
        return 0;
    }
}
