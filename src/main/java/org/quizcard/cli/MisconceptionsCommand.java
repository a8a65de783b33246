package org.quizcard.cli;

import java.util.List;
import java.util.Locale;
import org.quizcard.bank.Bank;
import org.quizcard.store.ProgressQueries;
import org.quizcard.study.Misconceptions;
import org.quizcard.study.StudyDay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quizcard misconceptions}: the learner's active misconceptions with their corrections. */
@Command(name = "misconceptions", mixinStandardHelpOptions = true,
        description = {
            "List your active misconceptions with their corrections.",
            "One stays active until questions probing it are answered right on " + Misconceptions.DAYS_TO_CLEAR
                    + " later days.",
        },
        footerHeading = "%nExamples:%n", footer = {"  quizcard misconceptions", "  quizcard misconceptions --all"})
final class MisconceptionsCommand extends BankCommand {
    @Option(names = "--all", description = "Also list the ones you have cleared.")
    boolean all;

    @Override
    public Integer call() {
        Bank bank = context.bank(banks);
        List<Misconceptions.Evidence> evidence;
        try (ProgressQueries store = Progress.read(context)) {
            evidence = Misconceptions.evidence(bank, store, Progress.scheduler(context, store));
        }
        List<Misconceptions.Evidence> shown = evidence.stream().filter(e -> all || e.active()).toList();
        Page page = Page.of(context);
        if (shown.isEmpty()) {
            page.println(evidence.isEmpty() ? "No misconceptions revealed yet." : "No active misconceptions: all cleared.");
            return 0;
        }
        for (Misconceptions.Evidence e : shown) {
            var m = e.misconception();
            String last = StudyDay.when(e.lastSeen(), context.clock()).replaceFirst(" \\(.*", "");
            page.println(m.id() + "  ", String.format(Locale.ROOT, "(%s; revealed %d×, last %s; right on %d of %d later days)",
                    e.active() ? "active" : "cleared", e.revealed(), last,
                    Math.min(e.clearedDays(), Misconceptions.DAYS_TO_CLEAR), Misconceptions.DAYS_TO_CLEAR));
            page.println("  Belief:  ", m.claim());
            page.println("  Correct: ", m.correctionLine());
            page.println();
        }
        return 0;
    }
}
