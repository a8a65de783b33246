package org.quizcard.cli;

import java.io.File;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;
import org.quizcard.bank.BankFile;
import org.quizcard.bank.BankImage;
import org.quizcard.bank.BankLoader;

/**
 * What a command may use of the world outside: its streams, the environment and the clock. Tests
 * build one with their own; only {@link Main#main} uses the real ones. {@code interactive} says
 * whether stdin and stdout are a terminal a full-screen UI can use; {@code terminalWidth} gives
 * the width to lay command output out to (see {@link #width}).
 */
public record Context(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock,
                      boolean interactive, IntSupplier terminalWidth) {

    /** A context whose output is laid out as it is, whatever the terminal. */
    public Context(InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock,
                   boolean interactive) {
        this(in, out, err, env, clock, interactive, () -> 0);
    }

    /**
     * The columns command output is laid out to: the terminal's width when output goes to a
     * terminal, 0 (no wrapping, today's text) when it goes to a pipe or a file. Only a command
     * that lays text out asks, so a command that does not pays nothing for it.
     */
    public int width() {
        return Math.max(0, terminalWidth.getAsInt());
    }

    /** Whether stdin and stdout are a terminal that takes escape codes: TERM set, not dumb. */
    boolean escapes() {
        String term = env.getOrDefault("TERM", "");
        return interactive && !term.isEmpty() && !term.equals("dumb");
    }

    /** The environment variable naming where all state lives. */
    public static final String HOME = "QUIZCARD_HOME";
    /** The environment variable naming bank directories, separated by the path separator. */
    public static final String BANKS = "QUIZCARD_BANKS";

    /**
     * Where quizcard keeps state: {@code QUIZCARD_HOME}, else the XDG data directory
     * ({@code $XDG_DATA_HOME/quizcard}, which the XDG rules ignore when relative, else
     * {@code ~/.local/share/quizcard}). A user's home directory that is unset or missing is an
     * error saying so, rather than a directory quizcard would create in its place.
     */
    public Path home() {
        Optional<Path> home = variable(HOME).map(Path::of)
                .or(() -> xdg("XDG_DATA_HOME").map(d -> d.resolve("quizcard")));
        if (home.isPresent()) return home.get();
        String user = variable("HOME").orElse(System.getProperty("user.home"));
        // the JDK says "?" when the system knows no home directory
        if (user == null || user.isBlank() || !Path.of(user).isAbsolute()) {
            throw QuizcardException.badInput("no home directory (HOME is not set): set " + HOME
                    + " to the directory where quizcard should keep your progress");
        }
        if (!Files.isDirectory(Path.of(user))) {
            throw QuizcardException.badInput("home directory " + user + " does not exist (HOME): set HOME, or " + HOME
                    + " to the directory where quizcard should keep your progress");
        }
        return Path.of(user, ".local", "share", "quizcard");
    }

    /** The environment variable naming the settings file, instead of the XDG place. */
    public static final String CONFIG = "QUIZCARD_CONFIG";

    /**
     * Where the learner's settings are: {@code QUIZCARD_CONFIG}, else
     * {@code $XDG_CONFIG_HOME/quizcard/config.yaml} (when that is absolute), else
     * {@code ~/.config/quizcard/config.yaml}; empty when there is no home to look in.
     */
    public Optional<Path> settingsFile() {
        return variable(CONFIG).map(Path::of)
                .or(() -> xdg("XDG_CONFIG_HOME")
                        .map(d -> d.resolve(Path.of("quizcard", "config.yaml"))))
                .or(() -> variable("HOME").map(Path::of).filter(Path::isAbsolute)
                        .map(user -> user.resolve(Path.of(".config", "quizcard", "config.yaml"))));
    }

    /** The environment variable {@code name}, when it is set and not blank. */
    Optional<String> variable(String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }

    /** The directory an XDG variable names, when absolute: the XDG rules ignore a relative one. */
    private Optional<Path> xdg(String name) {
        return variable(name).map(Path::of).filter(Path::isAbsolute);
    }

    /** The learner's settings, from {@link #settingsFile}, else the defaults. */
    public org.quizcard.study.Settings settings() {
        return settingsFile().map(org.quizcard.study.Settings::read).orElseGet(org.quizcard.study.Settings::defaults);
    }

    /** The bank files to use: {@code --bank} directories, else {@code QUIZCARD_BANKS}, else the shipped banks. */
    public List<BankFile> bankFiles(List<Path> bankDirs) {
        List<Path> dirs = bankDirectories(bankDirs);
        if (dirs.isEmpty()) return BankFile.shipped();
        return dirs.stream().flatMap(d -> BankFile.inDirectory(d).stream()).toList();
    }

    /**
     * Loads the configured banks, failing with the first error when any file is broken. The
     * shipped banks come from the image the build compiled them into, when there is one.
     */
    public Bank bank(List<Path> bankDirs) {
        if (bankDirectories(bankDirs).isEmpty()) {
            Optional<Bank> compiled = BankImage.shipped();
            if (compiled.isPresent()) return compiled.get();
        }
        return BankLoader.load(bankFiles(bankDirs)).orThrow();
    }

    /** The {@code --bank} directories, else those in {@code QUIZCARD_BANKS}; none means the shipped banks. */
    private List<Path> bankDirectories(List<Path> bankDirs) {
        if (bankDirs != null && !bankDirs.isEmpty()) return bankDirs;
        return variable(BANKS).stream()
                .flatMap(dirs -> Arrays.stream(dirs.split(File.pathSeparator)))
                .filter(d -> !d.isBlank()).map(Path::of).toList();
    }
}
