package org.quizcard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Bank;
import org.quizcard.bank.BankFile;
import org.quizcard.bank.BankLoader;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Fixtures;
import org.quizcard.bank.Question;

/**
 * The completion scripts the launcher prints, in the shells they are for. bash's completion
 * function is called as bash's programmable completion calls it; then each of bash, zsh and fish
 * runs in tmux with the script installed as the help says and {@code quizcard} on PATH as the
 * repository's launcher, and the test types a command line and Tab as a user does.
 */
class CompletionIT {
    @TempDir
    Path work;

    /** What the script offers for the last word of {@code words} (the word being completed). */
    private List<String> complete(Path script, String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String w : words) array.append(" '").append(w).append('\'');
        String line = String.join(" ", words);
        String program = "source '" + script + "'\n"
                + "COMP_WORDS=(" + array + ")\n"
                + "COMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE='" + line + "'\n"
                + "COMP_POINT=" + line.length() + "\n"
                + "_complete_quizcard quizcard '" + words[words.length - 1] + "' '" + words[words.length - 2] + "'\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process bash = new ProcessBuilder("bash", "-c", program).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(bash.getInputStream().readAllBytes());
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out.lines().filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void bashCompletesConceptsTagsAndQuestionIdsFromTheBanks() throws Exception {
        Path script = Files.writeString(work.resolve("quizcard.bash"), script("bash"));

        assertThat(complete(script, "quizcard", "quiz", "--concept", "cont")).containsExactly("containers");
        assertThat(complete(script, "quizcard", "study", "--concept", "name")).containsExactly("namespaces");
        assertThat(complete(script, "quizcard", "quiz", "--tag", "rootl")).containsExactly("rootless");
        assertThat(complete(script, "quizcard", "show", "containers/what-is"))
                .containsExactly("containers/what-is-a-container");
        assertThat(complete(script, "quizcard", "qu")).containsExactly("quiz");
    }

    @Test
    void bashCompletesAtItsPrompt() throws Exception {
        completesAtThePrompt("bash");
    }

    @Test
    void zshCompletesAtItsPrompt() throws Exception {
        completesAtThePrompt("zsh");
    }

    @Test
    void fishCompletesAtItsPrompt() throws Exception {
        completesAtThePrompt("fish");
    }

    /** The scripts the build packages are those the command prints (skipped when packaging was, -Ddist.skip=true). */
    @Test
    void thePackagedScriptsAreWhatTheCommandPrints() throws Exception {
        Path dir = Launcher.root().resolve("target/completion");
        assumeTrue(Files.isDirectory(dir), "no " + dir + ": the build skipped packaging");
        assertThat(Files.readString(dir.resolve("quizcard.bash"))).isEqualTo(script("bash"));
        assertThat(Files.readString(dir.resolve("_quizcard"))).isEqualTo(script("zsh"));
        assertThat(Files.readString(dir.resolve("quizcard.fish"))).isEqualTo(script("fish"));
    }

    /**
     * Commands, an option's name, concept ids after {@code --concept}, tags after {@code --tag} and
     * question ids after {@code show}, each in a shell of its own started for it.
     */
    private void completesAtThePrompt(String shell) throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
        assumeTrue(onPath(shell), shell + " is not installed (.ci/run installs it)");
        Installed installed = install(shell, script(shell, Map.of()));
        Bank bank = BankLoader.load(BankFile.inDirectory(Launcher.root().resolve("questions"))).orThrow();
        Set<String> concepts = bank.concepts().stream().map(Concept::id).collect(Collectors.toSet());
        Set<String> tags = bank.questions().flatMap(q -> q.common().tags().stream()).collect(Collectors.toSet());
        Set<String> refs = bank.questions().map(Question::ref).collect(Collectors.toSet());

        installed.tab("quizcard st", s -> words(s).containsAll(List.of("study", "stats")), "study and stats");
        installed.tab("quizcard study --con", s -> s.contains("quizcard study --concept"), "--concept completed");
        installed.tab("quizcard study --concept ", s -> words(s).containsAll(concepts), "every concept id " + concepts);
        // a shell may show only a screenful of a long list: ten of them are enough to tell
        installed.tab("quizcard quiz --tag ", s -> shownOf(s, tags) >= Math.min(10, tags.size()), "ten tags");
        installed.tab("quizcard show ", s -> shownOf(s, refs) >= Math.min(10, refs.size()), "ten question ids");
    }

    /**
     * A shell with quizcard's completion installed: how to start it, and what to type at its first
     * prompt, ending in a command that prints {@code qc-ready-42} (computed, so that the line as
     * typed never shows it).
     */
    private record Installed(String command, String setup) {
        /** Types {@code line} and Tab in a fresh shell and waits until its screen satisfies {@code offered}. */
        void tab(String line, Predicate<String> offered, String what) throws Exception {
            try (Tmux t = Tmux.start(command + "; echo qc-shell-ended")) {
                t.type(setup);
                t.send("Enter");
                t.waitFor("qc-ready-42");
                t.type(line);
                t.send("Tab");
                t.waitFor(offered, what + " after '" + line + "<Tab>'");
                // the shell ends before the test's directory goes: it may write its history there
                // (the line is emptied by keys, not Ctrl-C: the terminal would drop what comes after it)
                t.send("C-e", "C-u");
                t.type("exit");
                t.send("Enter");
                t.waitFor("qc-shell-ended");
            }
        }
    }

    /**
     * Tags as a bank may write them, with quotes, blanks and shell syntax, are offered as they are:
     * each shell reads the script's words quoted for it, and quotes the tag it puts on the line. A
     * tag that is a command substitution is never run.
     */
    @Test
    void tagsWithQuotesBlanksAndShellSyntaxCompleteAsWritten() throws Exception {
        assumeTrue(Tmux.available() && onPath("zsh") && onPath("fish"), "tmux, zsh or fish missing (.ci/run installs them)");
        Path bank = Files.createDirectories(work.resolve("bank"));
        for (String name : List.of("containers.yaml", "misconceptions.yaml")) {
            Files.copy(Fixtures.demoDir().resolve(name), bank.resolve(name));
        }
        Path containers = bank.resolve("containers.yaml");
        String yaml = Files.readString(containers);
        assertThat(yaml).contains("tags: [basics]");
        Path ran = work.resolve("ran");
        Files.writeString(containers, yaml.replace("tags: [basics]",
                "tags: [basics, \"it's\", \"two words\", \"$HOME\", 'a\\b', \"(x)\", \"$(touch '" + ran + "')\"]"));
        Path bash = Files.writeString(work.resolve("odd.bash"),
                script("bash", Map.of("QUIZCARD_BANKS", bank.toString())));
        assertThat(complete(bash, "quizcard", "quiz", "--tag", "\\$H")).containsExactly("\\$HOME");
        assertThat(complete(bash, "quizcard", "quiz", "--tag", "tw")).containsExactly("two\\ words");
        assertThat(complete(bash, "quizcard", "quiz", "--tag", "i")).containsExactly("it\\'s");
        // what is typed of each tag (quoted as the shell wants it), and the tag as the shell quotes it
        Map<String, String> typedAndCompleted = Map.of("i", "it\\'s", "t", "two\\ words", "a", "a\\\\b",
                "\\$H", "\\$HOME", "\\(", "\\(x\\)");
        for (String shell : List.of("zsh", "fish")) {
            Installed installed = install(shell, script(shell, Map.of("QUIZCARD_BANKS", bank.toString())));
            for (Map.Entry<String, String> tag : typedAndCompleted.entrySet()) {
                String completed = "quizcard quiz --tag " + tag.getValue();
                installed.tab("quizcard quiz --tag " + tag.getKey(), s -> s.contains(completed), shell + ": " + completed);
            }
        }
        assertThat(ran).doesNotExist();
    }

    /** Installs a shell's script where the completion command's help says, in a home of the test's own. */
    private Installed install(String shell, String script) throws Exception {
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path launcher = bin.resolve("quizcard");
        if (!Files.exists(launcher, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(launcher, Launcher.script());
        }
        String env = "cd '" + work + "' && env -i HOME='" + work + "' TERM=xterm-256color LANG=C.UTF-8 PATH='" + bin
                + ":" + System.getenv("PATH") + "' QUIZCARD_HOME='" + work.resolve("home") + "'";
        switch (shell) {
            case "bash" -> {
                Path file = Files.writeString(work.resolve("quizcard.bash"), script);
                // a list at the first Tab, all of it, without a pager
                Path rc = Files.writeString(work.resolve("bashrc"), "PS1='$ '\nsource '" + file + "'\n"
                        + "bind 'set show-all-if-ambiguous on'\nbind 'set completion-query-items 0'\n"
                        + "bind 'set page-completions off'\n");
                return new Installed(env + " bash --noprofile --rcfile '" + rc + "' -i", "echo qc-ready-$((6*7))");
            }
            case "zsh" -> {
                Path fpath = Files.createDirectories(work.resolve("zfunc"));
                Files.writeString(fpath.resolve("_quizcard"), script);
                // the whole list, without asking first
                return new Installed(env + " zsh -f", "PS1='$ '; fpath=('" + fpath + "' $fpath); "
                        + "autoload -U compinit && compinit -u -D; LISTMAX=100000; echo qc-ready-$((6*7))");
            }
            case "fish" -> {
                Path config = work.resolve("config");
                Files.createDirectories(config.resolve("fish/completions"));
                Files.writeString(config.resolve("fish/completions/quizcard.fish"), script);
                Files.writeString(config.resolve("fish/config.fish"),
                        "set -g fish_greeting\nfunction fish_prompt; echo -n '$ '; end\n");
                // present, so that fish does not start making completions from man pages in the background
                Path data = work.resolve("data");
                Files.createDirectories(data.resolve("fish/generated_completions"));
                return new Installed(env + " XDG_CONFIG_HOME='" + config + "' XDG_DATA_HOME='" + data + "' fish",
                        "echo qc-ready-(math '6*7')");
            }
            default -> throw new IllegalArgumentException(shell);
        }
    }

    /** The script {@code quizcard completion SHELL} prints through the launcher, with the shipped banks. */
    private String script(String shell) throws Exception {
        return script(shell, Map.of());
    }

    /** The script with more environment: {@code QUIZCARD_BANKS}, say. */
    private String script(String shell, Map<String, String> env) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("QUIZCARD_HOME", work.resolve("home").toString());
        Launcher.Run run = Launcher.run(work, all, "", "completion", shell);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        return run.out();
    }

    /** The words on a screen: what is between blanks and parentheses. */
    private static Set<String> words(String screen) {
        return new HashSet<>(Arrays.asList(screen.split("[\\s()]+")));
    }

    /** How many of {@code these} the screen shows as words of their own. */
    private static long shownOf(String screen, Set<String> these) {
        return words(screen).stream().filter(these::contains).count();
    }

    private static boolean onPath(String program) {
        try {
            return new ProcessBuilder(program, "-c", "exit 0").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
