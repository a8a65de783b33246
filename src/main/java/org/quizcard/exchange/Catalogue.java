package org.quizcard.exchange;

import java.util.Map;
import java.util.Optional;
import org.quizcard.bank.Misconception;

/**
 * The misconceptions an import may tag: those of the banks quizcard knows (the shipped ones, or
 * those of {@code --bank}). Feedback that names one of them, as quizcard's own exports write it
 * ({@link Feedback}), becomes a reference to it in the imported bank.
 */
public record Catalogue(Map<String, Misconception> misconceptions) {
    public Catalogue {
        misconceptions = Map.copyOf(misconceptions);
    }

    public Optional<Misconception> find(String id) {
        return Optional.ofNullable(misconceptions.get(id));
    }
}
