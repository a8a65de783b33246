package org.quizcard.grade;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A graded exercise: which questions to draw, points, pass marks, misconception gates, how much
 * feedback students see, and, when it is graded against a sealed bank, that bank's fingerprint
 * ({@code sealedBank}, as {@code quizcard seal} prints it; null when not given).
 */
public record Assignment(String id, String title, List<Draw> draw, double passOverall,
                         Map<String, Double> passConcepts, List<String> gates, Feedback feedback, String file,
                         String sealedBank) {
    public Assignment {
        draw = List.copyOf(draw);
        passConcepts = Map.copyOf(passConcepts);
        gates = List.copyOf(gates);
    }

    /** One draw rule: from a concept and/or a tag, how many questions, and their points. */
    public record Draw(String concept, String tag, Integer count, double points, int line) { }

    /** What students see in every report. */
    public enum Feedback {
        NONE, SCORE, MISCONCEPTIONS, FULL;

        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Feedback> fromYaml(String name) {
            for (Feedback f : values()) if (f.yamlName().equals(name)) return Optional.of(f);
            return Optional.empty();
        }

        public boolean showsScores() {
            return this != NONE;
        }

        public boolean showsMisconceptions() {
            return this == MISCONCEPTIONS || this == FULL;
        }

        public boolean showsAnswers() {
            return this == FULL;
        }
    }
}
