package org.quizcard.cli;

import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Benchmark: picocli's model for `quizcard quiz` built the way quizcard builds it (annotations read
 * by reflection) against the same shape built with picocli's programmatic API, reading no annotation
 * (help and version options included, which `mixinStandardHelpOptions` would read from picocli's own
 * annotated mixin). Prints the time from `main` to a parsed command line. Run by
 * `bench/picocli-model.sh`; docs/performance.md (picocli model row; the full runs are in its git history).
 */
public final class PicocliModel {
    static ISetter field(Object target, String name) throws Exception {
        Field f = target.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return new ISetter() {
            @SuppressWarnings("unchecked")
            public <T> T set(T value) throws Exception {
                Object old = f.get(target);
                f.set(target, value);
                return (T) old;
            }
        };
    }

    static void help(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).type(boolean.class).initialValue(false)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).type(boolean.class).initialValue(false)
                .description("Print version information and exit.").build());
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        PrintWriter out = new PrintWriter(System.out, true);
        Context context = new Context(System.in, out, out, System.getenv(), Clock.systemUTC(), false);
        String[] argv = {"quiz", "--plain", "--count", "1"};
        CommandLine.ParseResult result;
        if (args[0].equals("ann")) {
            CommandLine cli = new CommandLine(new QuizcardCommand(context));
            cli.addSubcommand(new QuizCommand(context));
            result = cli.parseArgs(argv);
        } else {
            QuizcardCommand root = new QuizcardCommand(context);
            CommandSpec rootSpec = CommandSpec.wrapWithoutInspection(root).name("quizcard").version("quizcard dev");
            help(rootSpec);
            rootSpec.usageMessage().description("Quizzes and flashcards in the terminal.");
            rootSpec.addOption(OptionSpec.builder("--verbose").type(boolean.class).initialValue(false).description("Print stack traces.")
                    .scopeType(CommandLine.ScopeType.INHERIT).setter(field(root, "verbose")).build());
            QuizCommand quiz = new QuizCommand(context);
            quiz.bankOptions = new BankOptions();
            quiz.uiOptions = new UiOptions();
            quiz.conceptOptions = new ConceptOptions();
            CommandSpec q = CommandSpec.wrapWithoutInspection(quiz).name("quiz");
            help(q);
            q.usageMessage().description("Answer questions drawn from the banks.").footerHeading("%nExamples:%n").footer("  quizcard quiz");
            q.addOption(OptionSpec.builder("--bank").type(List.class).auxiliaryTypes(Path.class).paramLabel("DIR")
                    .description("A bank directory.").setter(field(quiz.bankOptions, "banks")).build());
            q.addOption(OptionSpec.builder("--plain").type(boolean.class).initialValue(false).description("Line by line.").setter(field(quiz.uiOptions, "plain")).build());
            q.addOption(OptionSpec.builder("--no-color").type(boolean.class).initialValue(false).description("No colours.").setter(field(quiz.uiOptions, "noColor")).build());
            q.addOption(OptionSpec.builder("--concept").type(List.class).auxiliaryTypes(String.class).paramLabel("C")
                    .description("Only this concept.").setter(field(quiz.conceptOptions, "concepts")).build());
            q.addOption(OptionSpec.builder("--tag").type(List.class).auxiliaryTypes(String.class).paramLabel("T")
                    .description("Only questions with this tag.").setter(field(quiz, "tags")).build());
            q.addOption(OptionSpec.builder("--count").type(int.class).initialValue(10).paramLabel("N").defaultValue("10")
                    .description("How many questions (default ${DEFAULT-VALUE}).").setter(field(quiz, "count")).build());
            q.addOption(OptionSpec.builder("--seed").type(Long.class).paramLabel("S").description("Fix the order.").setter(field(quiz, "seed")).build());
            q.addOption(OptionSpec.builder("--no-save").type(boolean.class).initialValue(false).description("Practise.").setter(field(quiz, "noSave")).build());
            CommandLine cli = new CommandLine(rootSpec);
            cli.addSubcommand("quiz", new CommandLine(q));
            result = cli.parseArgs(argv);
        }
        long t1 = System.nanoTime();
        System.err.println(args[0] + " " + (t1 - t0) / 100_000 / 10.0 + " ms, subcommand " + result.subcommand().commandSpec().name());
    }
}
