package org.quizcard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.cli.CliRunner;

/**
 * The man pages {@code mvn package} left in {@code target/man}, read as built (never made again
 * here): every command {@code --help} lists has its page, each page's OPTIONS are exactly the
 * options its command's {@code --help} shows, {@code man -l} renders every page without a warning
 * from groff, and the examples of {@code quizcard-bank(5)} are a bank that lints clean.
 */
class ManPagesIT {
    private static final Path MAN = Launcher.root().resolve("target/man");

    @TempDir
    Path work;

    /** Maven hands a -Ddist.skip=true given to it on to the test JVM as a system property. */
    @BeforeAll
    static void pagesWereMade() {
        assumeFalse(Boolean.getBoolean("dist.skip"), "the build made no man pages: it ran with -Ddist.skip=true");
    }

    @Test
    void everyCommandHasItsPageAndTheBankFormatHasOneWithQuizcardsVersion() throws IOException {
        List<String> expected = new ArrayList<>();
        for (String command : commands()) expected.add("man1/" + page(command) + ".1");
        expected.add("man5/quizcard-bank.5");
        String version = new CliRunner().run("--version").out().strip();
        assertThat(version).matches("quizcard \\d+\\.\\d+\\.\\d+.*");
        for (String page : expected) {
            assertThat(MAN.resolve(page)).as("man page " + page).isRegularFile();
            // the title line: .TH "NAME" "SECTION" "DATE" "SOURCE" "MANUAL", the source being the version
            assertThat(unescape(Files.readString(MAN.resolve(page)))).as(page)
                    .containsPattern("(?m)^\\.TH .* \"" + Pattern.quote(version) + "\" \"Quizcard Manual\"$");
        }
        assertThat(commands()).hasSizeGreaterThan(10).contains("study", "grade", "completion");
    }

    @Test
    void eachPageListsExactlyTheOptionsItsHelpShows() throws IOException {
        for (String command : commands()) {
            String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
            CliRunner.Run help = new CliRunner().run(args);
            assertThat(help.exit()).as(help.err()).isZero();
            Set<String> shown = helpOptions(help.out());
            assertThat(shown).as("options of quizcard %s --help", command).contains("--help");
            Path page = MAN.resolve("man1/" + page(command) + ".1");
            assertThat(page).as("man page of '%s'", command).isRegularFile();
            assertThat(pageOptions(Files.readString(page)))
                    .as("OPTIONS of %s against its --help (rebuild with mvn package after changing options)", page)
                    .containsExactlyInAnyOrderElementsOf(shown);
        }
    }

    @Test
    void manRendersEveryPageWithoutWarnings() throws Exception {
        assumeTrue(onPath("man"), "man is not installed (Debian's man-db package): the pages were not rendered");
        List<Path> pages;
        try (Stream<Path> files = Files.walk(MAN)) {
            pages = files.filter(p -> p.toString().matches(".*/man[15]/[^/]+\\.[15]")).sorted().toList();
        }
        assertThat(pages).hasSize(commands().size() + 1);
        for (Path page : pages) {
            // groff's warnings are off unless asked for: man-db's --warnings=w turns them all on
            ProcessBuilder man = new ProcessBuilder("man", "--warnings=w", "-l", page.toString());
            man.environment().put("MANWIDTH", "80");
            man.environment().put("MAN_DISABLE_SECCOMP", "1");
            man.environment().remove("MANPAGER");
            man.environment().remove("PAGER");
            Path out = work.resolve("out.txt");
            Path err = work.resolve("err.txt");
            Process p = man.redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("man -l %s finished", page).isTrue();
            String text = Files.readString(out, StandardCharsets.UTF_8);
            String errors = Files.readString(err, StandardCharsets.UTF_8);
            String name = page.getFileName().toString().replaceFirst("\\.[15]$", "");
            assertThat(p.exitValue()).as("man -l %s: %s", page, errors).isZero();
            assertThat(errors.lines().filter(l -> l.toLowerCase().contains("warning")))
                    .as("warnings of man -l %s", page).isEmpty();
            assertThat(text).as(page.toString()).containsPattern("(?m)^NAME$")
                    .containsPattern("(?m)^ +" + Pattern.quote(name) + " - \\S")
                    .containsPattern("(?m)^SEE ALSO$");
            if (page.getParent().getFileName().toString().equals("man1")) {
                assertThat(text).as(page.toString()).containsPattern("(?m)^SYNOPSIS$")
                        .containsPattern("(?m)^OPTIONS$").containsPattern("(?m)^EXIT STATUS$")
                        .containsPattern("(?m)^EXAMPLES?$");
            }
        }
    }

    @Test
    void theBankPagesExamplesAreABankThatLintsClean() throws IOException {
        String page = Files.readString(Launcher.root().resolve("src/docs/man/man5/quizcard-bank.adoc"));
        // each example file is introduced by a line naming it, e.g. "A concept file, _my-banks/x.yaml_:"
        Matcher example = Pattern.compile("_my-banks/([a-z-]+\\.yaml)_:\\n\\n----\\n(.*?)\\n----\\n", Pattern.DOTALL)
                .matcher(page);
        Path bank = Files.createDirectories(work.resolve("my-banks"));
        int files = 0;
        while (example.find()) {
            Files.writeString(bank.resolve(example.group(1)), example.group(2) + "\n");
            files++;
        }
        assertThat(files).isEqualTo(2);
        CliRunner.Run lint = new CliRunner().run("lint", bank.toString());
        assertThat(lint.exit()).as(lint.out() + lint.err()).isZero();
        assertThat(lint.out()).contains("0 errors, 0 warnings");
    }

    /** "" for quizcard itself, then each subcommand the root's --help lists under Commands. */
    private static List<String> commands() {
        CliRunner.Run help = new CliRunner().run("--help");
        List<String> commands = new ArrayList<>(List.of(""));
        boolean listing = false;
        for (String line : help.out().lines().toList()) {
            if (line.equals("Commands:")) {
                listing = true;
            } else if (listing && line.isBlank()) {
                break;
            } else if (listing) {
                Matcher name = Pattern.compile("^  ([a-z][a-z-]*)(\\s|$)").matcher(line);
                if (name.find()) commands.add(name.group(1));
            }
        }
        return commands;
    }

    private static String page(String command) {
        return command.isEmpty() ? "quizcard" : "quizcard-" + command;
    }

    /**
     * The option names in a help text's option list: the lines that start with an option, at
     * picocli's columns (a short name at 2, a long one alone at 6), e.g. "-h, --help" or
     * "--key-file=FILE". Description lines are further in, even when they start with a dash.
     */
    static Set<String> helpOptions(String help) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : help.lines().toList()) {
            if (line.matches("^( {2}-[^-\\s]| {6}--\\S).*")) names.addAll(names(line.strip().split("\\s{2,}")[0]));
        }
        return names;
    }

    /** The option names of a roff page's OPTIONS section: its terms, the lines before ".RS 4". */
    static Set<String> pageOptions(String roff) {
        List<String> lines = roff.lines().toList();
        Set<String> names = new LinkedHashSet<>();
        boolean options = false;
        for (int i = 0; i < lines.size() - 1; i++) {
            String line = lines.get(i);
            if (line.startsWith(".SH ")) options = line.equals(".SH \"OPTIONS\"");
            else if (options && lines.get(i + 1).equals(".RS 4")) names.addAll(names(unescape(line)));
        }
        return names;
    }

    /** The names in a term such as "-h, --help" or "--bank=DIR". */
    private static List<String> names(String term) {
        return Stream.of(term.split(",\\s*")).map(n -> n.replaceFirst("[=\\[ ].*", "")).filter(n -> n.startsWith("-"))
                .toList();
    }

    /** Roff's font changes dropped and its escaped hyphens plain. */
    private static String unescape(String roff) {
        return roff.replaceAll("\\\\f(\\(..|\\[[^]]*]|.)", "").replace("\\-", "-").replace("\\&", "");
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
