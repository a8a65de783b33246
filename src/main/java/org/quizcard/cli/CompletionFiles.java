package org.quizcard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A build step of ours (pom.xml): writes the completion script of every shell into a directory,
 * as {@code quizcard completion SHELL} prints it with the shipped banks, under the names the
 * shells look for: {@code quizcard.bash}, {@code _quizcard} (zsh) and {@code quizcard.fish}. It
 * fails the build when a script cannot be made.
 */
public final class CompletionFiles {
    private CompletionFiles() {
    }

    /** {@code args[0]}: the directory to write the scripts into, made when missing. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: CompletionFiles DIR");
        Path dir = Files.createDirectories(Path.of(args[0]));
        for (CompletionCommand.Shell shell : CompletionCommand.Shell.values()) {
            Files.writeString(dir.resolve(shell.file), script(shell));
        }
    }

    /** The shell's script with the shipped banks, whatever the environment of the build says. */
    static String script(CompletionCommand.Shell shell) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context context = new Context(InputStream.nullInputStream(), new PrintWriter(out), new PrintWriter(err),
                Map.of(), Clock.systemUTC(), false);
        int code = Main.run(context, "completion", shell.name());
        if (code != 0 || !err.toString().isEmpty()) {
            throw new IllegalStateException("quizcard completion " + shell + " failed (exit " + code + "): " + err);
        }
        return out.toString();
    }
}
