package org.quizcard.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Answers;
import org.quizcard.store.ProgressQueries;
import picocli.CommandLine;

/** The entry point: builds the command line once, with every error handler in one place. */
public final class Main {
    /** Exit code for an internal error, a bug. */
    static final int INTERNAL = 4;

    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty(CONVERTERS_EXCLUDED) == null) {
            System.setProperty(CONVERTERS_EXCLUDED, UNUSED_CONVERTERS);
        }
        String first = args.length > 0 ? args[0] : "";
        // sqlite's set-up on the second core while picocli reads annotations and the bank loads
        if (STORE_COMMANDS.contains(first)) {
            CompletableFuture.runAsync(ProgressQueries::warmUp);
        }
        PrintWriter out = writer(System.out);
        PrintWriter err = writer(System.err);
        boolean terminal = isTerminal();
        int code = run(new Context(System.in, out, err, System.getenv(), java.time.Clock.systemDefaultZone(), terminal,
                terminal ? Ui.width(LAID_OUT.contains(first)) : () -> 0), args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Whether stdin and stdout are both a terminal. */
    private static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            // JDK 22+ returns a console even when redirected; it then answers isTerminal() == false.
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Runs one command line against the given context and returns its exit code. */
    public static int run(Context context, String... args) {
        int code;
        try {
            CommandLine cli = commandLine(context, args);
            code = cli.execute(args);
        } catch (Error e) {
            // out of memory, a stack overflow, a class missing from a jar replaced under a running
            // program: still one line and the documented exit code, the trace only with --verbose
            code = internalError(context.err(), "quizcard", e, List.of(args).contains("--verbose"));
        }
        context.out().flush();
        context.err().flush();
        return code;
    }

    /** The configured command line: streams, exit codes, and one-line errors. */
    static CommandLine commandLine(Context context) {
        return commandLine(context, new String[0]);
    }

    /**
     * The configured command line for {@code argv}: with only the subcommand it names when that is
     * certain, else with all. picocli reads each command's annotations when it is added, so a run
     * pays for its own command alone. The subcommand is certain when it is the first argument;
     * all are added for help, {@code completion} (its script lists them all), a root option
     * first, or a name no command has, so that help, messages and suggestions are exactly those
     * of the whole command line.
     */
    static CommandLine commandLine(Context context, String[] argv) {
        QuizcardCommand root = new QuizcardCommand(context);
        CommandLine cli = new CommandLine(root);
        boolean certain = argv.length > 0 && !argv[0].equals("completion")
                && commandNames().contains(argv[0]);
        String only = certain ? argv[0] : null;
        for (Class<? extends ContextCommand> command : QuizcardCommand.COMMANDS) {
            if (only == null || only.equals(QuizcardCommand.name(command))) cli.addSubcommand(root.create(command));
        }
        // quizcard study --version: the program's version, as the root prints it
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(cli.getCommandSpec().versionProvider()));
        cli.setOut(context.out());
        cli.setErr(context.err());
        // Help's colours are chosen after parsing, when --no-color anywhere on the line is known:
        // picocli's styles only where a session would be in colour (see QuizcardCommand.colour).
        cli.setExecutionStrategy(parsed -> {
            boolean colour = root.colour() && context.escapes();
            cli.setColorScheme(CommandLine.Help.defaultColorScheme(
                    colour ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
            return new CommandLine.RunLast().execute(parsed);
        });
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // No @FILE argument files: picocli would splice a file's text into the arguments, and a
        // message about a bad value would then print it (a key file's key, for one).
        cli.setExpandAtFiles(false);
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(prefix(c) + ": " + oneLine(ex.getMessage()));
            // a mistyped command or option: the nearest ones, as git does ("stdy": study)
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                String typed = u.getUnmatched().get(0).replaceFirst("=.*", "");
                // the nearest by edit distance, and any as near or one edit further
                List<String> sorted = u.getSuggestions().stream()
                        .sorted(Comparator.comparingInt(name -> Answers.distance(typed, name))).toList();
                int best = Answers.distance(typed, sorted.get(0));
                List<String> nearest = sorted.stream().filter(name -> Answers.distance(typed, name) <= best + 1)
                        .limit(3).toList();
                c.getErr().println("Did you mean: " + String.join(" or ", nearest) + "?");
            }
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return QuizcardException.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, c, parseResult) -> {
            if (ex instanceof QuizcardException q) {
                c.getErr().println(prefix(c) + ": " + oneLine(q.getMessage()));
                if (root.verbose) q.printStackTrace(c.getErr());
                return q.exitCode();
            }
            return internalError(c.getErr(), prefix(c), ex, root.verbose);
        });
        return cli;
    }

    /** Says {@code e} is a bug, in one line unless {@code verbose}; returns {@link #INTERNAL}. */
    private static int internalError(PrintWriter err, String prefix, Throwable e, boolean verbose) {
        err.println(prefix + ": internal error: " + oneLine(String.valueOf(e))
                + (verbose ? "" : " (rerun with --verbose for details)"));
        if (verbose) e.printStackTrace(err);
        return INTERNAL;
    }

    /** Every subcommand's name, in help order. */
    static List<String> commandNames() {
        return QuizcardCommand.COMMANDS.stream().map(QuizcardCommand::name).toList();
    }

    /** The commands that open the progress store after loading the banks: sqlite is set up early for them. */
    private static final java.util.Set<String> STORE_COMMANDS = java.util.Set.of("study", "quiz", "stats", "misconceptions");

    /** The commands that lay their output out to the terminal's width (see {@link Page}). */
    private static final java.util.Set<String> LAID_OUT = java.util.Set.of("stats", "misconceptions", "show", "list",
            "lint");

    /** picocli's system property: a regular expression of type names whose converters it skips. */
    static final String CONVERTERS_EXCLUDED = "picocli.converters.excludes";

    /**
     * The types of picocli's built-in converters that no quizcard option has. picocli registers
     * these by reflection in every {@code CommandLine} it makes (two a run), loading and
     * initialising two dozen {@code java.time} and {@code java.sql} classes at every start.
     * {@code CommandLineTest} checks that no option needs one.
     */
    static final String UNUSED_CONVERTERS = "java\\.(sql|time)\\..*";

    private static String prefix(CommandLine c) {
        return c.getCommandSpec().qualifiedName();
    }

    private static String oneLine(String message) {
        return message == null ? "" : org.quizcard.term.Text.safe(message.strip().replaceAll("\\s*\\R\\s*", " "));
    }

    private static PrintWriter writer(OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }
}
