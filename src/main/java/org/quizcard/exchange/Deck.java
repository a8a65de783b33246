package org.quizcard.exchange;

import java.util.List;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Misconception;
import org.quizcard.srs.PastReview;

/**
 * What an import read from one file: the concepts its questions go into, the misconceptions its
 * feedback named (from the catalogue the import was given), what it could not carry over, and,
 * when asked for, the review history to bring into the learner's progress.
 */
public record Deck(List<Concept> concepts, List<Misconception> misconceptions, List<Loss> losses,
                   List<PastReview> history) {
    public Deck {
        concepts = List.copyOf(concepts);
        misconceptions = List.copyOf(misconceptions);
        losses = List.copyOf(losses);
        history = List.copyOf(history);
    }
}
