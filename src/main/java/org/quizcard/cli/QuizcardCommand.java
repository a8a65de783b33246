package org.quizcard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code quizcard} command: global options and the list of subcommands. */
@Command(name = "quizcard",
        mixinStandardHelpOptions = true,
        versionProvider = QuizcardCommand.Version.class,
        description = "Quizzes and flashcards in the terminal: misconception feedback, spaced repetition, "
                + "and grading in CI.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  ok",
            "  1  the job failed (lint found errors, a grade failed)",
            "  2  bad usage or unreadable input",
            "  4  internal error (a bug: rerun with --verbose and report it)",
            "",
            "Example:",
            "  quizcard list",
        })
public final class QuizcardCommand implements Runnable {
    final Context context;

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces of internal errors.")
    boolean verbose;

    @Option(names = "--no-color", scope = ScopeType.INHERIT,
            description = "No colours (also when NO_COLOR is set).")
    boolean noColor;

    QuizcardCommand(Context context) {
        this.context = context;
    }

    /**
     * The subcommands' classes, in the order help lists them. Each is named after its class
     * ({@code StudyCommand}: {@code study}; {@code CommandLineTest} checks that each annotation
     * says the same), so that a run finds the one it needs without reading every annotation.
     */
    static final java.util.List<Class<? extends ContextCommand>> COMMANDS = java.util.List.of(
            StudyCommand.class, QuizCommand.class, StatsCommand.class, MisconceptionsCommand.class, ReplayCommand.class,
            ExamCommand.class, GradeCommand.class, ReportCommand.class, KeygenCommand.class, SealCommand.class,
            ListCommand.class, ShowCommand.class, LintCommand.class, RestoreCommand.class, OptimizeCommand.class,
            SimulateCommand.class, ConfigCommand.class, ImportCommand.class, ExportCommand.class,
            CompletionCommand.class);

    /** A subcommand's name, from its class's. */
    static String name(Class<?> command) {
        String type = command.getSimpleName();
        return type.substring(0, type.length() - "Command".length()).toLowerCase(java.util.Locale.ROOT);
    }

    /** A new instance of subcommand {@code type}, running in this command's context. */
    ContextCommand create(Class<? extends ContextCommand> type) {
        try {
            return type.getDeclaredConstructor().newInstance().in(context);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + type, e);
        }
    }

    /**
     * Whether output may be coloured: not after {@code --no-color} (given to any command), nor
     * when {@code NO_COLOR} is set to anything but the empty string, as no-color.org asks.
     */
    boolean colour() {
        return !noColor && context.env().getOrDefault("NO_COLOR", "").isEmpty();
    }

    @Override
    public void run() {
        spec.commandLine().usage(context.out());
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = QuizcardCommand.class.getResourceAsStream("/quizcard-version.properties")) {
                if (in != null) p.load(in);
            }
            return new String[] {"quizcard " + p.getProperty("version", "dev")};
        }
    }
}
