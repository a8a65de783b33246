package org.quizcard.bank;

import java.util.ArrayList;
import java.util.List;
import org.quizcard.bank.YamlNode.YamlList;
import org.quizcard.bank.YamlNode.YamlMap;

/**
 * A whole question as one line of flow YAML (JSON syntax), for a format that has a single text
 * slot to keep what it cannot show (an Anki note's Source field): {@link #write} gives the line,
 * {@link #read} the same question back, as the bank reader reads it, so its content hash is kept.
 */
public final class QuestionLine {
    /** The longest line {@link #read} takes: a question of a real bank is a few kilobytes. */
    public static final int MAX_LENGTH = 1 << 20;

    private QuestionLine() {
    }

    /** The question as one line of flow YAML, every field a bank file would hold. */
    public static String write(Question q) {
        YamlReader.Result read = YamlReader.read("question", BankWriter.questionList(q));
        YamlNode item = ((YamlList) ((YamlMap) read.root()).entries().get("questions").value()).items().get(0);
        return YamlWriter.flow(item);
    }

    /** A question read back, or why it could not be. */
    public record Read(Question question, String problem) { }

    /**
     * The question a line holds, put into {@code concept}; a sealed question, or one with any
     * error a bank file would report, is not read ({@code problem} says why, first error only).
     */
    public static Read read(String where, String line, String concept) {
        if (line.length() > MAX_LENGTH) return new Read(null, "longer than " + (MAX_LENGTH >> 10) + " KiB");
        return read(YamlReader.read(where, line), concept);
    }

    /** The question of one item's YAML, read, put into {@code concept}, as {@link #read} reads it. */
    static Read read(YamlReader.Result yaml, String concept) {
        List<Problem> problems = new ArrayList<>(yaml.problems());
        BankParser parser = new BankParser(problems);
        Question q = yaml.root() == null ? null : parser.question(yaml.root(), concept);
        Problem first = problems.stream().filter(Problem::isError).findFirst().orElse(null);
        if (first != null) return new Read(null, first.message());
        if (!parser.sealed().isEmpty()) return new Read(null, "a sealed question has no answers to import");
        if (q == null) return new Read(null, "not a question");
        return new Read(q, null);
    }
}
