package org.quizcard.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Misconception;
import org.quizcard.bank.Question;
import org.quizcard.srs.PastReview;

/**
 * Several imported files as one bank: concepts of the same id become one, a question whose id
 * another file already used in that concept gets a number ({@code page-size-2}), and the review
 * history follows each question to its new id.
 */
public final class Rebind {
    /**
     * Most questions written into one concept file. A bank file is read whole and bounded (8 MB), so a
     * larger deck becomes several concepts, {@code deck}, {@code deck-part-2}, and so on, filled in the
     * order its notes were made: notes added later join the last part, and earlier ones keep their ids.
     */
    public static final int MAX_QUESTIONS = 5_000;

    private Rebind() {
    }

    /** The decks of one import, merged into one. */
    public static Deck merge(List<Deck> decks) {
        Map<String, List<Question>> questions = new LinkedHashMap<>();
        Map<String, Concept> first = new LinkedHashMap<>();
        Map<String, Ids> ids = new HashMap<>();
        Map<String, Misconception> misconceptions = new LinkedHashMap<>();
        List<Loss> losses = new ArrayList<>();
        List<PastReview> history = new ArrayList<>();
        for (Deck deck : decks) {
            Map<String, String> renamed = new HashMap<>();
            for (Concept c : deck.concepts()) {
                first.putIfAbsent(c.id(), c);
                Ids taken = ids.computeIfAbsent(c.id(), k -> new Ids());
                List<Question> into = questions.computeIfAbsent(c.id(), k -> new ArrayList<>());
                for (Question q : c.questions()) {
                    String id = taken.take(q.id()) ? q.id() : taken.unique(q.id(), "question");
                    if (!id.equals(q.id())) renamed.put(q.ref(), c.id() + "/" + id);
                    into.add(id.equals(q.id()) ? q : withId(q, id));
                }
            }
            deck.misconceptions().forEach(m -> misconceptions.putIfAbsent(m.id(), m));
            losses.addAll(deck.losses());
            deck.history().forEach(r -> history.add(rebound(r, renamed)));
        }
        List<Concept> concepts = new ArrayList<>();
        Map<String, String> moved = new HashMap<>();
        Ids conceptIds = new Ids();
        first.keySet().forEach(conceptIds::take);
        first.forEach((id, c) -> {
            List<Question> all = questions.get(id);
            for (int from = 0, part = 1; from < all.size() || part == 1; from += MAX_QUESTIONS, part++) {
                String partId = part == 1 ? id : conceptIds.unique(id + "-part-" + part, id);
                List<Question> slice = new ArrayList<>();
                for (Question q : all.subList(from, Math.min(all.size(), from + MAX_QUESTIONS))) {
                    if (part > 1) moved.put(q.ref(), partId + "/" + q.id());
                    slice.add(part == 1 ? q : moved(q, partId, q.id()));
                }
                String title = part == 1 ? c.title() : c.title() + " (part " + part + ")";
                concepts.add(new Concept(partId, title, c.summary(), c.sources(), slice, c.where(), c.lintAllow()));
            }
        });
        List<PastReview> rebound = history.stream().map(r -> rebound(r, moved)).toList();
        return new Deck(concepts, List.copyOf(misconceptions.values()), losses, rebound);
    }

    /** A review of a question that {@code refs} gives a new reference (concept/id), under it. */
    private static PastReview rebound(PastReview r, Map<String, String> refs) {
        String ref = refs.get(r.ref());
        return ref == null ? r : new PastReview(ref, r.at(), r.rating(), r.durationMillis());
    }

    /** The same question under another id. */
    public static Question withId(Question q, String id) {
        return moved(q, q.concept(), id);
    }

    /** The same question under another concept and id. */
    private static Question moved(Question q, String concept, String id) {
        Question.Common c = q.common();
        return q.with(new Question.Common(concept, id, c.prompt(), c.explanation(), c.hint(), c.tags(), c.sources(),
                c.where(), c.lintAllow()));
    }
}
