package org.quizcard.cli;

import java.util.List;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Misconception;
import org.quizcard.bank.Question;
import org.quizcard.bank.Solution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code quizcard show}: one question with its answer and explanation, for bank authors. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a question with its answer, explanation and the misconceptions it probes.",
        footerHeading = "%nExample:%n", footer = "  quizcard show containers/what-is-a-container")
final class ShowCommand extends BankCommand {
    @Mixin
    KeyOptions keyOptions;

    @Parameters(paramLabel = "CONCEPT/ID", description = "The question to show.")
    String ref;

    @Override
    public Integer call() {
        Bank bank = keyOptions.answerable(context, context.bank(banks), "showing answers");
        Question q = bank.question(ref).orElseThrow(() -> QuizcardException.badInput(
                "no question '" + ref + "' (write CONCEPT/ID, e.g. containers/what-is-a-container; see 'quizcard list')"));
        print(bank, q, Page.of(context));
        return 0;
    }

    static void print(Bank bank, Question q, Page page) {
        Question.Common c = q.common();
        page.items("  ", List.of(q.ref(), "[" + q.type().yamlName() + "]", c.where().toString()));
        page.println();
        page.println(c.prompt());
        if (q instanceof Question.Choice choice) {
            options(choice.options(), page);
        } else if (q instanceof Question.Cloze z) {
            page.println("  " + z.text());
        }
        page.println();
        page.println("Answer: ", Solution.describe(q));
        if (q instanceof Question.Text t && t.regex() != null) {
            page.println("Also accepts: ", "/" + t.regex() + "/");
        }
        if (!c.explanation().isBlank()) page.println("Explanation: ", c.explanation());
        if (c.hint() != null) page.println("Hint: ", c.hint());
        if (!c.tags().isEmpty()) page.println("Tags: ", String.join(", ", c.tags()));
        if (!c.sources().isEmpty()) page.println("Sources: ", String.join("; ", c.sources()));
        for (String id : q.probes()) {
            String claim = bank.misconception(id).map(Misconception::claim).orElse("(unknown misconception)");
            page.println("Probes: ", id + ": " + claim);
        }
    }

    private static void options(List<Question.Option> options, Page page) {
        for (int i = 0; i < options.size(); i++) {
            Question.Option o = options.get(i);
            String mark = o.correct() ? "✓" : " ";
            String reveals = o.misconception() == null ? "" : "   (reveals " + o.misconception() + ")";
            page.println("  " + mark + " " + (i + 1) + ". ", o.text() + reveals);
            if (o.explanation() != null) page.println("       ", "On picking it: " + o.explanation());
        }
    }
}
