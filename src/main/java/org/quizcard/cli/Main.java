package org.quizcard.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.quizcard.QuizcardException;
import org.quizcard.store.ProgressStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
        String command = subcommandNamed(STORE_COMMANDS, args);
        if (command != null) ProgressStore.preload();
        PrintWriter out = writer(System.out);
        PrintWriter err = writer(System.err);
        int code = run(new Context(System.in, out, err, System.getenv(), SystemClock.start(), isTerminal()), args);
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
            context.err().println("quizcard: internal error: " + oneLine(String.valueOf(e))
                    + (java.util.Arrays.asList(args).contains("--verbose") ? "" : " (rerun with --verbose for details)"));
            if (java.util.Arrays.asList(args).contains("--verbose")) e.printStackTrace(context.err());
            code = INTERNAL;
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
     * The configured command line for {@code argv}: with only the subcommand they name when that is
     * certain (see {@link #subcommandNamed}), else with all: building a subcommand's model costs
     * start-up time, so a run pays for its own alone.
     */
    static CommandLine commandLine(Context context, String[] argv) {
        return commandLine(context, argv, MODEL);
    }

    /**
     * The command line built from {@code model}, picocli's model of each command made without
     * reading annotations (see {@link CommandModel}), or from the annotations when it is null.
     */
    static CommandLine commandLine(Context context, String[] argv, CommandModel model) {
        QuizcardCommand root = new QuizcardCommand(context);
        CommandLine cli = model == null ? new CommandLine(root) : new CommandLine(model.spec(root));
        List<Object> commands = root.subcommands();
        List<String> names = new java.util.ArrayList<>();
        for (Object command : commands) names.add(name(command, model));
        String only = subcommandNamed(names, argv);
        for (Object command : commands) {
            String name = name(command, model);
            if (only != null && !only.equals(name)) continue;
            if (model == null) {
                cli.addSubcommand(command);
            } else {
                cli.addSubcommand(name, new CommandLine(model.spec(command)));
            }
        }
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // No @FILE argument files: picocli would splice a file's text into the arguments, and a
        // message about a bad value would then print it (a key file's key, for one).
        cli.setExpandAtFiles(false);
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(prefix(c) + ": " + oneLine(ex.getMessage()));
            // a mistyped command or option: the nearest ones, as git does ("stdy": study)
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                c.getErr().println("Did you mean: " + String.join(" or ", u.getSuggestions().stream().limit(3).toList()) + "?");
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
            c.getErr().println(prefix(c) + ": internal error: " + oneLine(String.valueOf(ex))
                    + (root.verbose ? "" : " (rerun with --verbose for details)"));
            if (root.verbose) ex.printStackTrace(c.getErr());
            return INTERNAL;
        });
        return cli;
    }

    /**
     * The subcommand a command line names, when it is certain to be the only one needed: the first
     * argument that is not an option of the root command and names a subcommand. Null (all
     * subcommands) for help, {@code completion} (its script lists them all), root options and
     * anything unusual, so messages and suggestions stay exactly as with all of them.
     */
    static String subcommandNamed(List<String> names, String... args) {
        for (String arg : args) {
            if (arg.equals("--verbose")) continue;
            if (arg.startsWith("-")) return null;
            return names.contains(arg) && !arg.equals("completion") ? arg : null;
        }
        return null;
    }

    /** picocli's system property: a regular expression of type names whose converters it skips. */
    static final String CONVERTERS_EXCLUDED = "picocli.converters.excludes";

    /**
     * The types of picocli's built-in converters that no quizcard option has. picocli registers
     * these by reflection in every {@code CommandLine} it makes (two a run), loading and
     * initialising two dozen {@code java.time} and {@code java.sql} classes at every start
     * (docs/performance.md). {@code CommandModelTest} checks that no option needs one.
     */
    static final String UNUSED_CONVERTERS = "java\\.(sql|time)\\..*";

    /** The commands that open the progress store after loading the banks. */
    private static final List<String> STORE_COMMANDS = List.of("study", "quiz", "stats", "misconceptions");

    /** The build's description of the commands; null on a class path the build step did not run on. */
    private static final CommandModel MODEL = CommandModel.load();

    private static String name(Object command, CommandModel model) {
        String name = model == null ? null : model.name(command);
        return name != null ? name : command.getClass().getAnnotation(Command.class).name();
    }

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
