package org.quizcard.bank;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One question written as YAML on its own (a flow mapping on one line, as quizcard's Anki export
 * keeps it in a note's Source field), read back with the bank's own strict parser.
 */
public final class QuestionText {
    private QuestionText() {
    }

    /**
     * The question {@code text} holds, in {@code concept}; empty when it is not exactly one valid
     * question (any problem that is an error), with the first error's message in {@code problems}.
     */
    public static Optional<Question> read(String text, String concept, String where, List<String> problems) {
        YamlReader.Result read = YamlReader.read(where, text);
        List<Problem> found = new ArrayList<>(read.problems());
        BankParser parser = new BankParser(found);
        Question q = read.root() == null ? null : parser.question(read.root(), concept);
        Optional<Problem> error = found.stream().filter(Problem::isError).findFirst();
        if (error.isPresent() || q == null || !parser.sealed().isEmpty()) {
            problems.add(error.map(Problem::message).orElse("not a question"));
            return Optional.empty();
        }
        return Optional.of(q);
    }
}
