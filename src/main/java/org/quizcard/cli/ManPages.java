package org.quizcard.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * A build step, not part of quizcard.jar: writes the AsciiDoc of the man pages, {@code quizcard(1)}
 * and {@code quizcard-NAME(1)} for every subcommand, from the command line {@link Main} builds for
 * {@code --help}, so a page cannot list other options than the help does. picocli-codegen's
 * {@code ManPageGenerator} writes the pages; it is on the build's class path only (Maven's exec
 * plugin), so it is called by name. Asciidoctor then turns the AsciiDoc into roff.
 *
 * <p>Before generating, the help's conventions are moved to where a man page has them: the root's
 * "Exit codes:" footer lines ({@code CODE  meaning}) become every page's exit status list, footer
 * headings lose their colon, and every page's version is quizcard's. After it, each page gets a
 * SEE ALSO section naming the other pages.
 */
final class ManPages {
    private static final String GENERATOR = "picocli.codegen.docgen.manpage.ManPageGenerator";
    /** A footer line of an exit code and its meaning, as the root's help lists them. */
    private static final Pattern EXIT_CODE = Pattern.compile("\\s*(\\d+)\\s+(.+)");
    /** Pages of other sections that every page points to. */
    static final List<String> OTHER_PAGES = List.of("quizcard-bank(5)");

    private ManPages() {
    }

    /** Writes the AsciiDoc sources into the directory {@code args[0]}. */
    public static void main(String[] args) throws IOException, ReflectiveOperationException {
        if (args.length != 1) throw new IllegalArgumentException("usage: ManPages OUTPUT_DIR");
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Context context = new Context(InputStream.nullInputStream(), err, err, Map.of(),
                java.time.Clock.systemUTC(), false);
        CommandSpec root = Main.commandLine(context).getCommandSpec();
        prepare(root);
        Path dir = Path.of(args[0]);
        int code = (Integer) Class.forName(GENERATOR)
                .getMethod("generateManPage", File.class, File.class, boolean[].class, boolean.class,
                        CommandSpec[].class)
                .invoke(null, dir.toFile(), null, new boolean[0], false, new CommandSpec[] {root});
        if (code != 0) throw new IllegalStateException("the man page generator failed with exit code " + code);
        List<String> pages = pages(root);
        for (String page : pages) {
            Files.writeString(dir.resolve(page.replaceFirst("\\(1\\)$", ".adoc")), seeAlso(page, pages),
                    StandardOpenOption.APPEND);
        }
    }

    /** Moves the help's exit codes, headings and version to where a man page shows them. */
    static void prepare(CommandSpec root) {
        UsageMessageSpec usage = root.usageMessage();
        Map<String, String> exitCodes = new LinkedHashMap<>();
        if (usage.footerHeading().toLowerCase(java.util.Locale.ROOT).contains("exit codes")) {
            List<String> rest = new ArrayList<>(List.of(usage.footer()));
            while (!rest.isEmpty()) {
                Matcher m = EXIT_CODE.matcher(rest.get(0));
                if (!m.matches()) break;
                exitCodes.put(m.group(1), m.group(2));
                rest.remove(0);
            }
            while (!rest.isEmpty() && rest.get(0).isBlank()) rest.remove(0);
            // what follows the codes ("Example:" and its lines) is the root's footer now
            usage.footerHeading(rest.isEmpty() ? "" : rest.remove(0));
            usage.footer(rest.toArray(String[]::new));
        }
        for (CommandSpec spec : commands(root)) {
            UsageMessageSpec u = spec.usageMessage();
            u.footerHeading(u.footerHeading().replaceAll(":\\s*(%n)?$", "$1"));
            if (!exitCodes.isEmpty()) {
                u.exitCodeListHeading("Exit status%n");
                u.exitCodeList(exitCodes);
            }
            // one paragraph per line of the description, as --help shows them
            String[] description = u.description().clone();
            for (int i = 0; i < description.length - 1; i++) description[i] += "%n";
            u.description(description);
        }
    }

    /** Every page this build writes: the root's, then each visible subcommand's, in help order. */
    static List<String> pages(CommandSpec root) {
        return commands(root).stream().filter(spec -> !spec.usageMessage().hidden())
                .map(spec -> spec.qualifiedName("-") + "(1)").toList();
    }

    /** The root command, then every subcommand, in help order. */
    private static List<CommandSpec> commands(CommandSpec root) {
        Stream<CommandSpec> subcommands = root.subcommands().values().stream()
                .map(CommandLine::getCommandSpec);
        return Stream.concat(Stream.of(root), subcommands).toList();
    }

    /** The SEE ALSO section of {@code page}: every other page, man(1) style. */
    static String seeAlso(String page, List<String> pages) {
        List<String> others = new ArrayList<>(pages);
        others.addAll(OTHER_PAGES);
        others.remove(page);
        // man(1) style: the name in bold, the section after it
        return others.stream().map(other -> other.replaceFirst("^([^(]*)", "*$1*"))
                .collect(Collectors.joining(",\n", "\n== See also\n\n", "\n"));
    }
}
