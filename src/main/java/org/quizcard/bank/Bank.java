package org.quizcard.bank;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything a set of bank directories holds: concepts with their questions, and misconceptions.
 * In a sealed bank, {@code sealed} maps the ref of each sealed question to its encrypted original
 * (base64); such questions carry placeholders where the answers were (see {@link Sealing}).
 */
public record Bank(List<Concept> concepts, Map<String, Misconception> misconceptions, Map<String, String> sealed) {
    public Bank {
        concepts = List.copyOf(concepts);
        misconceptions = Collections.unmodifiableMap(new LinkedHashMap<>(misconceptions));
        sealed = Collections.unmodifiableMap(new LinkedHashMap<>(sealed));
    }

    /** A bank without sealed questions. */
    public Bank(List<Concept> concepts, Map<String, Misconception> misconceptions) {
        this(concepts, misconceptions, Map.of());
    }

    /** Whether any question's answers are sealed: such a bank can be shown, but not checked, without the key. */
    public boolean isSealed() {
        return !sealed.isEmpty();
    }

    /** The encrypted original of the question {@code concept/id} when it is sealed. */
    public Optional<String> sealedPayload(String ref) {
        return Optional.ofNullable(sealed.get(ref));
    }

    /**
     * Where a sealed misconception's payload is kept among the sealed payloads: a key no question
     * ref can take ({@code !} is never part of an id).
     */
    public static String misconceptionKey(String id) {
        return "!misconception/" + id;
    }

    public Stream<Question> questions() {
        return concepts.stream().flatMap(c -> c.questions().stream());
    }

    public Optional<Concept> concept(String id) {
        return concepts.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The question with the global id {@code concept/id}. */
    public Optional<Question> question(String ref) {
        return questions().filter(q -> q.ref().equals(ref)).findFirst();
    }

    public Optional<Misconception> misconception(String id) {
        return Optional.ofNullable(misconceptions.get(id));
    }

    /** How many questions can reveal each misconception, in catalogue order. */
    public Map<String, Integer> probeCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        misconceptions.keySet().forEach(id -> counts.put(id, 0));
        questions().forEach(q -> q.probes().forEach(id -> counts.merge(id, 1, Integer::sum)));
        return counts;
    }
}
