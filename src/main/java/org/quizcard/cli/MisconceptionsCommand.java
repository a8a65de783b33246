package org.quizcard.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.quizcard.bank.Bank;
import org.quizcard.store.ProgressQueries;
import org.quizcard.study.Misconceptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code quizcard misconceptions}: the learner's active misconceptions with their corrections. */
@Command(name = "misconceptions", mixinStandardHelpOptions = true,
        description = {
            "List your active misconceptions with their corrections.",
            "One stays active until questions probing it are answered right on " + Misconceptions.DAYS_TO_CLEAR
                    + " later days.",
        },
        footerHeading = "%nExamples:%n", footer = {"  quizcard misconceptions", "  quizcard misconceptions --all"})
final class MisconceptionsCommand implements Callable<Integer> {
    private final Context context;

    @Mixin
    BankOptions bankOptions;

    @Option(names = "--all", description = "Also list the ones you have cleared.")
    boolean all;

    MisconceptionsCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Bank bank = context.bank(bankOptions.banks);
        List<Misconceptions.Evidence> evidence;
        try (ProgressQueries store = Progress.read(context)) {
            evidence = Misconceptions.evidence(bank, store, Progress.scheduler(context));
        }
        List<Misconceptions.Evidence> shown = evidence.stream().filter(e -> all || e.active()).toList();
        var out = context.out();
        if (shown.isEmpty()) {
            out.println(evidence.isEmpty() ? "No misconceptions revealed yet." : "No active misconceptions: all cleared.");
            return 0;
        }
        for (Misconceptions.Evidence e : shown) {
            var m = e.misconception();
            out.printf(Locale.ROOT, "%s  (%s; revealed %d×, last %s; right on %d of %d later days)%n", m.id(),
                    e.active() ? "active" : "cleared", e.revealed(), org.quizcard.study.StudyDay.when(e.lastSeen(), context.clock()).replaceFirst(" \\(.*", ""),
                    Math.min(e.clearedDays(), Misconceptions.DAYS_TO_CLEAR), Misconceptions.DAYS_TO_CLEAR);
            out.println("  Belief:  " + m.claim());
            out.println("  Correct: " + m.correction().strip().replaceAll("\\s+", " "));
            out.println();
        }
        return 0;
    }
}
