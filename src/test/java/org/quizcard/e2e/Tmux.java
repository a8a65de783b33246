package org.quizcard.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A private tmux server running one program in a fixed-size window, for tests that read the screen. */
public final class Tmux implements AutoCloseable {
    private final String socket;

    private Tmux(String socket) {
        this.socket = socket;
    }

    public static boolean available() {
        try {
            return new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Starts {@code shellCommand} in a detached 100x40 session. */
    public static Tmux start(String shellCommand) throws IOException, InterruptedException {
        return start(shellCommand, 100, 40);
    }

    /** Starts {@code shellCommand} in a detached session of {@code columns} by {@code rows}. */
    public static Tmux start(String shellCommand, int columns, int rows) throws IOException, InterruptedException {
        Tmux t = new Tmux("quizcard-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        t.tmux("new-session", "-d", "-x", String.valueOf(columns), "-y", String.valueOf(rows), "-s", "t",
                shellCommand + "; sleep 30");
        return t;
    }

    /** Resizes the window, as a learner dragging its corner does. */
    public void resize(int columns, int rows) throws IOException, InterruptedException {
        tmux("resize-window", "-t", "t", "-x", String.valueOf(columns), "-y", String.valueOf(rows));
    }

    /** What the window shows now, without its history. */
    public String visible() throws IOException, InterruptedException {
        return tmux("capture-pane", "-t", "t", "-p");
    }

    /**
     * The lines of the screen and its history that the terminal wrapped because they were wider
     * than the window: what {@code capture-pane -p} shows as two lines and {@code -pJ} as one.
     */
    public List<String> wrappedLines() throws IOException, InterruptedException {
        List<String> shown = history();
        List<String> joined = tmux("capture-pane", "-t", "t", "-p", "-J", "-S", "-2000").lines().map(String::stripTrailing).toList();
        List<String> wrapped = new ArrayList<>(joined);
        wrapped.removeAll(shown);
        return wrapped;
    }

    /** The lines of the screen and its history as the window shows them (the last 2,000). */
    public List<String> history() throws IOException, InterruptedException {
        return tmux("capture-pane", "-t", "t", "-p", "-S", "-2000").lines().map(String::stripTrailing).toList();
    }

    /** Types keys as tmux names them ("Enter", "Down", "C-c") or literal text. */
    public void send(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "t"));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** Types text literally. */
    public void type(String text) throws IOException, InterruptedException {
        tmux("send-keys", "-t", "t", "-l", text);
    }

    /** The screen as text; with {@code escapes}, including the styling escape sequences. */
    public String screen(boolean escapes) throws IOException, InterruptedException {
        return escapes ? tmux("capture-pane", "-t", "t", "-p", "-e", "-S", "-200")
                : tmux("capture-pane", "-t", "t", "-p", "-S", "-200");
    }

    /** Waits up to 60 s for the screen to satisfy {@code condition}; returns the screen. */
    public String waitFor(Predicate<String> condition, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = screen(false);
            if (condition.test(screen)) return screen;
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what + "; screen:\n" + screen);
    }

    public String waitFor(String text) throws IOException, InterruptedException {
        return waitFor(s -> s.contains(text), "'" + text + "'");
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    /**
     * Ends the server and waits until the programs it ran have exited too: a shell writes its
     * history as it goes, and a test's temporary directory must not be deleted under it.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        List<ProcessHandle> running = new ArrayList<>();
        try {
            for (String pid : tmux("list-panes", "-a", "-F", "#{pane_pid}").strip().split("\\s+")) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(pane -> {
                    running.add(pane);
                    pane.descendants().forEach(running::add);
                });
            }
        } catch (IOException | NumberFormatException e) {
            // the server has already gone, and its programs with it
        }
        new ProcessBuilder("tmux", "-L", socket, "kill-server").start().waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle program : running) {
            try {
                program.onExit().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                program.destroyForcibly();
            }
        }
    }
}
