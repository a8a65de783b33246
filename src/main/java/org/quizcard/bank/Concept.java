package org.quizcard.bank;

import java.util.List;

/** One bank file: a concept with its questions. */
public record Concept(String id, String title, String summary, List<String> sources,
                      List<Question> questions, Position where) {
    public Concept {
        sources = List.copyOf(sources);
        questions = List.copyOf(questions);
    }
}
