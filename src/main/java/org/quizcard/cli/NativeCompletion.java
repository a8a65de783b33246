package org.quizcard.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Completion scripts in zsh's and fish's own completion systems, written from picocli's model of
 * the command line (picocli itself writes only bash): the subcommands with their descriptions,
 * each one's options with theirs, and for every option argument or positional parameter the
 * values it offers (its completion candidates: an enum's constants, or those set on it such as
 * the banks' concept ids), file names when it takes a file, else nothing. Hidden commands and
 * options are left out.
 */
final class NativeCompletion {
    /** Characters a value may hold and still stand unquoted in either script. */
    private static final String PLAIN = "[A-Za-z0-9._/+=@,-]+";

    private NativeCompletion() {
    }

    /** A fish script of {@code complete} commands: source it, or put it in fish's completions directory. */
    static String fish(CommandSpec root) {
        String complete = "complete -c " + root.name();
        List<String> lines = new ArrayList<>();
        lines.add("# fish completion for " + root.name() + ": " + root.name() + " completion fish > "
                + "~/.config/fish/completions/" + root.name() + ".fish");
        lines.add(complete + " -e");
        lines.add("# no file names unless an argument takes a file");
        lines.add(complete + " -f");
        String noCommandYet = " -n __fish_use_subcommand";
        for (OptionSpec o : options(root)) lines.add(complete + noCommandYet + fishOption(o));
        for (CommandSpec c : subcommands(root)) {
            lines.add(complete + noCommandYet + " -a " + fishWord(c.name()) + " -d "
                    + fishQuote(summary(c.usageMessage().description())));
        }
        for (CommandSpec c : subcommands(root)) {
            lines.add("");
            String after = complete + " -n " + fishQuote("__fish_seen_subcommand_from " + c.name());
            for (OptionSpec o : options(c)) lines.add(after + fishOption(o));
            for (PositionalParamSpec p : positionals(c)) {
                List<String> values = values(p);
                if (!values.isEmpty()) lines.add(after + " -a " + fishQuote(words(values, NativeCompletion::fishQuote)));
                else if (takesFile(p)) lines.add(after + " -F");
            }
        }
        return String.join("\n", lines) + "\n";
    }

    /** The flags of {@code complete} for one option: its names, what its argument offers, its description. */
    private static String fishOption(OptionSpec o) {
        StringBuilder flags = new StringBuilder();
        for (String name : o.names()) {
            if (name.startsWith("--")) flags.append(" -l ").append(fishWord(name.substring(2)));
            else if (name.length() == 2) flags.append(" -s ").append(fishWord(name.substring(1)));
            else flags.append(" -o ").append(fishWord(name.substring(1)));
        }
        if (o.arity().max() > 0) {
            List<String> values = values(o);
            if (!values.isEmpty()) flags.append(" -x -a ").append(fishQuote(words(values, NativeCompletion::fishQuote)));
            else if (takesFile(o)) flags.append(" -r -F");
            else flags.append(" -x");
        }
        return flags.append(" -d ").append(fishQuote(summary(o.renderedDescription()))).toString();
    }

    /**
     * A zsh completion function, {@code _quizcard}: autoloaded from a file of that name on
     * {@code $fpath} (its {@code #compdef} line), or defined and registered with {@code compdef}
     * when the script is sourced (running {@code compinit} first when nothing has).
     */
    static String zsh(CommandSpec root) {
        String name = root.name();
        String function = "_" + name;
        List<String> lines = new ArrayList<>();
        lines.add("#compdef " + name);
        lines.add("# zsh completion for " + name + ": " + name + " completion zsh > ~/.zfunc/" + function
                + " (a directory on $fpath, before compinit runs)");
        lines.add("");
        lines.add(function + "() {");
        lines.add("  local curcontext=\"$curcontext\" state line ret=1");
        lines.add("  local -a commands");
        lines.add("  commands=(");
        for (CommandSpec c : subcommands(root)) {
            lines.add("    " + zshQuote(c.name().replace(":", "\\:") + ":" + summary(c.usageMessage().description())));
        }
        lines.add("  )");
        List<String> top = new ArrayList<>(zshSpecs(root));
        top.add(zshQuote("1: :->command"));
        top.add(zshQuote("*:: :->argument"));
        lines.add("  _arguments -C \\\n    " + String.join(" \\\n    ", top) + " && ret=0");
        lines.add("  case $state in");
        lines.add("    (command) _describe -t commands " + zshQuote(name + " command") + " commands && ret=0 ;;");
        lines.add("    (argument)");
        lines.add("      curcontext=\"${curcontext%:*:*}:" + name + "-$words[1]:\"");
        lines.add("      case $words[1] in");
        for (CommandSpec c : subcommands(root)) {
            lines.add("        (" + zshValue(c.name()) + ") _arguments \\\n            "
                    + String.join(" \\\n            ", zshSpecs(c)) + " && ret=0 ;;");
        }
        lines.add("      esac ;;");
        lines.add("  esac");
        lines.add("  return ret");
        lines.add("}");
        lines.add("");
        lines.add("if [[ \"$funcstack[1]\" == " + function + " ]]; then");
        lines.add("  " + function + " \"$@\"");
        lines.add("else");
        lines.add("  (( $+functions[compdef] )) || { autoload -Uz compinit && compinit; }");
        lines.add("  compdef " + function + " " + name);
        lines.add("fi");
        return String.join("\n", lines) + "\n";
    }

    /** The {@code _arguments} specs, quoted, of a command's options and positional parameters. */
    private static List<String> zshSpecs(CommandSpec command) {
        List<String> specs = new ArrayList<>();
        for (OptionSpec o : options(command)) {
            // names of one option exclude each other, unless it may be given again
            String prefix = o.isMultiValue() ? "*"
                    : o.names().length > 1 ? "(" + String.join(" ", o.names()) + ")" : "";
            String explanation = "[" + summary(o.renderedDescription()).replaceAll("([\\\\\\[\\]])", "\\\\$1") + "]";
            String argument = o.arity().max() > 0 ? ":" + zshArgument(o) : "";
            for (String n : o.names()) specs.add(zshQuote(prefix + n + explanation + argument));
        }
        for (PositionalParamSpec p : positionals(command)) {
            String position = p.isMultiValue() ? "*:"
                    : (p.index().min() + 1) + (p.arity().min() == 0 ? "::" : ":");
            specs.add(zshQuote(position + zshArgument(p)));
        }
        return specs;
    }

    /** {@code MESSAGE:ACTION} of an {@code _arguments} spec: the values offered, files, or only the label. */
    private static String zshArgument(ArgSpec arg) {
        List<String> values = values(arg);
        String action = !values.isEmpty() ? "(" + words(values, NativeCompletion::zshValue) + ")"
                : takesFile(arg) ? "_files" : " ";
        return arg.paramLabel().replace(":", "\\:") + ":" + action;
    }

    private static List<CommandSpec> subcommands(CommandSpec root) {
        return root.subcommands().values().stream().map(CommandLine::getCommandSpec)
                .filter(c -> !c.usageMessage().hidden()).toList();
    }

    private static List<OptionSpec> options(CommandSpec command) {
        return command.options().stream().filter(o -> !o.hidden()).toList();
    }

    private static List<PositionalParamSpec> positionals(CommandSpec command) {
        return command.positionalParameters().stream().filter(p -> !p.hidden()).toList();
    }

    /**
     * The first line of a description, on one line. An option's comes rendered as its help shows
     * it ({@link ArgSpec#renderedDescription}: its default value and candidates filled in).
     */
    static String summary(String[] description) {
        if (description.length == 0) return "";
        return description[0].replace("%n", " ").replace("%%", "%").replaceAll("\\s+", " ").strip();
    }

    /** The values an argument offers: its completion candidates, an enum's constants by default; none for others. */
    static List<String> values(ArgSpec arg) {
        List<String> values = new ArrayList<>();
        if (arg.completionCandidates() != null) arg.completionCandidates().forEach(values::add);
        return values;
    }

    /** Whether an argument, or each element of a list of them, is a file. */
    static boolean takesFile(ArgSpec arg) {
        return Stream.concat(Stream.of(arg.type()), Arrays.stream(arg.auxiliaryTypes()))
                .anyMatch(t -> t == Path.class || t == File.class);
    }

    /** A name as one fish word, quoted unless it is plain. */
    private static String fishWord(String s) {
        return s.matches(PLAIN) ? s : fishQuote(s);
    }

    /** Values as words of a list, each quoted by {@code quote} unless it is plain. */
    private static String words(List<String> values, UnaryOperator<String> quote) {
        return String.join(" ", values.stream().map(v -> v.matches(PLAIN) ? v : quote.apply(v)).toList());
    }

    /** A fish single-quoted string: only backslash and the quote are special in it. */
    static String fishQuote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A zsh single-quoted string: a quote inside ends it, is escaped, and starts it again. */
    static String zshQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** A value as one zsh word: every character but the plain ones escaped with a backslash. */
    private static String zshValue(String s) {
        return s.replaceAll("([^A-Za-z0-9._/+=@,-])", "\\\\$1");
    }
}
