package org.quizcard.bank;

import java.util.List;
import java.util.Map;

/**
 * One bank file: a concept with its questions. {@code lintAllow} maps the ids of concept-wide
 * lint rules the author silenced to the reason given.
 */
public record Concept(String id, String title, String summary, List<String> sources,
                      List<Question> questions, Position where, Map<String, String> lintAllow) {
    public Concept {
        sources = List.copyOf(sources);
        questions = List.copyOf(questions);
        lintAllow = Map.copyOf(lintAllow);
    }

    /** A concept that silences no lint rule. */
    public Concept(String id, String title, String summary, List<String> sources,
                   List<Question> questions, Position where) {
        this(id, title, summary, sources, questions, where, Map.of());
    }
}
