package org.quizcard.grade;

import java.util.List;

/** The outcome of grading one student's answers: per question, per concept, total, gates, pass. */
public record Result(Assignment assignment, String student, String answersFile, List<QuestionResult> questions,
                     List<ConceptResult> concepts, double earned, double points, List<Gate> gates, boolean passed) {
    public Result {
        questions = List.copyOf(questions);
        concepts = List.copyOf(concepts);
        gates = List.copyOf(gates);
    }

    /** One question's grade. {@code picks} are bank option indices for choice questions, else empty. */
    public record QuestionResult(Variant.Item item, int line, boolean answered, String response, List<Integer> picks,
                                 double score, double earned, List<String> misconceptions, List<String> notes) {
        public QuestionResult {
            picks = List.copyOf(picks);
            misconceptions = List.copyOf(misconceptions);
            notes = List.copyOf(notes);
        }

        public String id() {
            return item.question().ref();
        }
    }

    /** One concept's points and whether its pass mark (if any) is met. */
    public record ConceptResult(String concept, double earned, double points, Double passMark, boolean passed) {
        public double share() {
            return points == 0 ? 0 : earned / points;
        }
    }

    /** A misconception gate and whether the answers revealed it. */
    public record Gate(String misconception, boolean revealed) { }

    public double share() {
        return points == 0 ? 0 : earned / points;
    }
}
