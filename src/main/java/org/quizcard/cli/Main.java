package org.quizcard.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.quizcard.QuizcardException;
import picocli.CommandLine;

/** The entry point: builds the command line once, with every error handler in one place. */
public final class Main {
    /** Exit code for an internal error, a bug. */
    static final int INTERNAL = 4;

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = writer(System.out);
        PrintWriter err = writer(System.err);
        int code = run(new Context(System.in, out, err, System.getenv(), Clock.systemDefaultZone(), isTerminal()), args);
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
        CommandLine cli = commandLine(context);
        int code = cli.execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }

    /** The configured command line: streams, exit codes, and one-line errors. */
    static CommandLine commandLine(Context context) {
        QuizcardCommand root = new QuizcardCommand(context);
        CommandLine cli = new CommandLine(root);
        for (Object command : root.subcommands()) {
            cli.addSubcommand(command);
        }
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(prefix(c) + ": " + oneLine(ex.getMessage()));
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

    private static String prefix(CommandLine c) {
        return c.getCommandSpec().qualifiedName();
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static PrintWriter writer(OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }
}
