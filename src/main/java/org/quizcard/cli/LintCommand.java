package org.quizcard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quizcard.Plural;
import org.quizcard.QuizcardException;
import org.quizcard.bank.BankFile;
import org.quizcard.bank.BankLoader;
import org.quizcard.bank.Position;
import org.quizcard.bank.Printable;
import org.quizcard.bank.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code quizcard lint}: every structural and semantic problem of the given banks. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {
            "Check banks: YAML structure, types, duplicate keys and ids, right answers, misconception references.",
            "Prints every problem as path:line:column: message. Exit 0 when clean (warnings allowed), 1 on errors."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  quizcard lint", "  quizcard lint questions/containers.yaml", "  quizcard lint my-banks/"})
final class LintCommand extends BankCommand {
    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Bank directories or files (default: the configured banks). A file is checked "
                    + "together with the other files of its directory.")
    List<Path> paths = new ArrayList<>();

    @picocli.CommandLine.Option(names = "--changed",
            description = "Also list questions whose content changed since you last reviewed them (your history is kept).")
    boolean changed;

    @Override
    public Integer call() {
        List<Problem> problems = new ArrayList<>();
        int files = 0;
        if (paths.isEmpty()) {
            List<BankFile> bank = context.bankFiles(banks);
            files = bank.size();
            problems.addAll(BankLoader.load(bank).problems());
        } else {
            for (Map.Entry<Path, Set<String>> group : groupByDirectory().entrySet()) {
                List<BankFile> bank = BankFile.inDirectory(group.getKey());
                Set<String> only = group.getValue();
                files += only.isEmpty() ? bank.size() : only.size();
                BankLoader.load(bank).problems().stream()
                        .filter(p -> only.isEmpty() || only.contains(p.where().file()))
                        .forEach(problems::add);
            }
        }
        Page page = Page.of(context);
        problems.forEach(p -> located(page, p.where(), p.format()));
        if (changed) {
            listChanged(page, paths.isEmpty() ? context.bankFiles(banks)
                    : groupByDirectory().keySet().stream()
                            .flatMap(d -> BankFile.inDirectory(d).stream()).toList());
        }
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        page.println(Plural.of(files, "file") + " checked: " + Plural.of(errors, "error") + ", "
                + Plural.of(warnings, "warning"));
        return errors > 0 ? QuizcardException.FAILED : 0;
    }

    /** A line that starts with where in a file: its message continues under the message, not the place. */
    private static void located(Page page, Position where, String line) {
        String place = Printable.line(where + ": ");
        if (line.startsWith(place)) {
            page.println(place, line.substring(place.length()));
        } else {
            page.println(line);
        }
    }

    /** Questions of {@code files} whose content differs from when they were last reviewed. */
    private void listChanged(Page page, List<BankFile> files) {
        if (!Files.exists(context.home().resolve(org.quizcard.store.ProgressStore.FILE))) {
            page.println("no progress yet: nothing can have changed since a review");
            return;
        }
        var loaded = BankLoader.load(files);
        try (var store = Progress.read(context)) {
            var cards = store.cards();
            int n = 0;
            for (org.quizcard.bank.Question q : loaded.bank().questions().toList()) {
                var info = cards.get(q.ref());
                if (info != null && !info.contentHash().equals(org.quizcard.bank.ContentHash.of(q))) {
                    located(page, q.common().where(), q.common().where() + ": " + q.ref()
                            + " changed since you last reviewed it");
                    n++;
                }
            }
            page.println(Plural.of(n, "question") + " changed since last reviewed");
        }
    }

    /** Directories to load, each with the files of it that were named (empty: the whole directory). */
    private Map<Path, Set<String>> groupByDirectory() {
        Map<Path, Set<String>> groups = new LinkedHashMap<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                groups.put(p, new LinkedHashSet<>());
            } else if (Files.isRegularFile(p)) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
                    throw QuizcardException.badInput(p + ": not a bank file (bank files are .yaml files)");
                }
                Path dir = p.toAbsolutePath().getParent();
                Path shown = p.getParent() == null ? Path.of("") : p.getParent();
                Set<String> only = groups.computeIfAbsent(shown, d -> new LinkedHashSet<>());
                only.add(shown.resolve(p.getFileName()).toString());
                if (!Files.isDirectory(dir)) throw QuizcardException.badInput(p + ": cannot find its directory");
            } else if (Files.exists(p)) {
                throw QuizcardException.badInput(p + ": not a regular file (a device, a FIFO or a socket)");
            } else if (Files.isSymbolicLink(p)) {
                throw QuizcardException.badInput(p + ": a symbolic link that leads nowhere or loops");
            } else {
                throw QuizcardException.badInput(p + ": no such file or directory");
            }
        }
        return groups;
    }
}
