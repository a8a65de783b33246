package org.quizcard.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Misconception;
import org.quizcard.bank.Question;
import org.quizcard.bank.QuestionType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** {@code quizcard list}: the concepts with their question counts, and the misconceptions. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the concepts with question counts by type, and the misconceptions.",
        footerHeading = "%nExamples:%n", footer = {"  quizcard list --json", "  quizcard list --questions --concept fuse"})
final class ListCommand extends BankCommand {
    @Option(names = "--json", description = "Print JSON: {\"concepts\":[...],\"misconceptions\":[...]}.")
    boolean json;

    @Option(names = "--questions", description = "List every question instead: its id (for 'quizcard show'), type and "
            + "prompt.")
    boolean questions;

    @Option(names = "--concept", paramLabel = "C", description = "With --questions: only this concept's (repeatable).")
    List<String> only;

    @Override
    public Integer call() {
        Bank bank = context.bank(banks);
        if (questions) {
            printQuestions(bank);
        } else if (json) {
            context.out().println(JsonMapper.shared().writeValueAsString(asJson(bank)));
        } else {
            printTable(bank);
        }
        return 0;
    }

    /** What {@code --json} prints: the concepts and misconceptions, in bank order. */
    record Json(List<ConceptJson> concepts, List<MisconceptionJson> misconceptions) { }

    record ConceptJson(String id, String title, int questions, Map<String, Integer> types) { }

    record MisconceptionJson(String id, String claim, int probes) { }

    static Json asJson(Bank bank) {
        Map<String, Integer> probes = bank.probeCounts();
        return new Json(bank.concepts().stream()
                .map(c -> new ConceptJson(c.id(), c.title(), c.questions().size(), typeCounts(c))).toList(),
                bank.misconceptions().values().stream()
                        .map(m -> new MisconceptionJson(m.id(), m.claim(), probes.getOrDefault(m.id(), 0))).toList());
    }

    /** How many questions of each type the concept has, in the types' order. */
    private static Map<String, Integer> typeCounts(Concept c) {
        Map<String, Integer> types = new LinkedHashMap<>();
        c.questions().stream()
                .collect(Collectors.groupingBy(Question::type,
                        () -> new EnumMap<>(QuestionType.class), Collectors.summingInt(q -> 1)))
                .forEach((type, n) -> types.put(type.yamlName(), n));
        return types;
    }

    /** One line a question: {@code concept/id}, its type, and the start of its prompt. */
    private void printQuestions(Bank bank) {
        if (only != null) {
            for (String c : only) {
                if (bank.concept(c).isEmpty()) throw QuizcardException.badInput("--concept: unknown concept '" + c + "'");
            }
        }
        List<Question> shown = bank.questions().filter(q -> only == null || only.contains(q.concept())).toList();
        int width = shown.stream().mapToInt(q -> q.ref().length()).max().orElse(2);
        Page page = Page.of(context);
        // on a terminal, the prompt gets the room left on the line; with too little, a line of its own
        int room = page.width() == 0 ? PROMPT : Math.min(PROMPT, page.width() - width - 13);
        boolean ownLine = room < Page.MIN_TEXT;
        for (Question q : shown) {
            String prompt = q.common().prompt().replaceAll("\\s+", " ");
            if (ownLine) {
                page.items("  ", List.of(q.ref(), q.type().yamlName()));
                page.println("    " + shortened(prompt, Math.min(PROMPT, page.width() - 4)));
            } else {
                page.println(String.format(Locale.ROOT, "%-" + width + "s  %-9s  %s", q.ref(), q.type().yamlName(),
                        shortened(prompt, room)));
            }
        }
    }

    /** The most of a prompt {@code list --questions} shows. */
    private static final int PROMPT = 60;

    /** {@code text} cut to {@code max} characters, "..." marking the cut. */
    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    private void printTable(Bank bank) {
        Page page = Page.of(context);
        int width = bank.concepts().stream().mapToInt(c -> c.id().length()).max().orElse(7);
        page.println(String.format(Locale.ROOT, "%-" + width + "s  %9s  ", "CONCEPT", "QUESTIONS"), "TYPES");
        int total = 0;
        for (Concept c : bank.concepts()) {
            List<String> types = new ArrayList<>();
            typeCounts(c).forEach((t, n) -> types.add(t + " " + n));
            page.items(String.format(Locale.ROOT, "%-" + width + "s  %9d  ", c.id(), c.questions().size()), ", ", types);
            total += c.questions().size();
        }
        page.println(String.format(Locale.ROOT, "%-" + width + "s  %9d", "total", total));
        if (bank.misconceptions().isEmpty()) return;
        page.println();
        Map<String, Integer> probes = bank.probeCounts();
        int idWidth = bank.misconceptions().keySet().stream().mapToInt(String::length).max().orElse(13);
        page.println(String.format(Locale.ROOT, "%-" + idWidth + "s  %6s  ", "MISCONCEPTION", "PROBES"), "CLAIM");
        for (Misconception m : bank.misconceptions().values()) {
            page.println(String.format(Locale.ROOT, "%-" + idWidth + "s  %6d  ", m.id(), probes.getOrDefault(m.id(), 0)),
                    m.claim());
        }
    }
}
