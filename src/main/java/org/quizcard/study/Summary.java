package org.quizcard.study;

import java.util.List;
import org.quizcard.bank.Misconception;

/** The end of a session: scores per concept, misconceptions revealed, and what to practise next. */
public record Summary(int asked, int answered, int skipped, double score, List<ConceptScore> concepts,
                      List<Revealed> misconceptions, List<String> practiseNext, String next) {
    public Summary {
        concepts = List.copyOf(concepts);
        misconceptions = List.copyOf(misconceptions);
        practiseNext = List.copyOf(practiseNext);
    }

    /** Score of one concept in the session. */
    public record ConceptScore(String concept, String title, int answered, double score) {
        public double percent() {
            return answered == 0 ? 0 : 100 * score / answered;
        }
    }

    /** A misconception the session revealed, and how often. */
    public record Revealed(Misconception misconception, int times) { }

    public double percent() {
        return answered == 0 ? 0 : 100 * score / answered;
    }
}
