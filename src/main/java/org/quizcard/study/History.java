package org.quizcard.study;

import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quizcard.bank.Bank;
import org.quizcard.bank.ContentHash;
import org.quizcard.bank.Question;
import org.quizcard.srs.Card;
import org.quizcard.srs.Fsrs;
import org.quizcard.srs.PastReview;
import org.quizcard.srs.Rating;
import org.quizcard.store.ProgressQueries;
import org.quizcard.store.ProgressStore;
import org.quizcard.store.Review;

/**
 * Brings another tool's review history into the learner's progress: each question's reviews, in
 * time order, replayed through the learner's scheduler from the question's state now, as {@code
 * quizcard replay} replays a log, and appended to the log in one transaction. Progress already
 * there is never changed: a question's reviews at or before its last recorded review are skipped,
 * so importing the same history twice adds it once.
 */
public final class History {
    /** The {@code source} column of reviews brought in this way. */
    public static final String SOURCE = "anki";

    /** What was brought in: reviews appended, of how many questions, and those left out. */
    public record Brought(int reviews, int questions, long skipped, long unschedulable) { }

    private History() {
    }

    /** Appends {@code history}'s reviews of {@code bank}'s questions to {@code store}, scheduled by {@code fsrs}. */
    public static Brought record(ProgressStore store, Fsrs fsrs, Bank bank, List<PastReview> history) {
        Map<String, List<PastReview>> byQuestion = new LinkedHashMap<>();
        for (PastReview r : history) byQuestion.computeIfAbsent(r.ref(), k -> new ArrayList<>()).add(r);
        Map<String, Question> questionsByRef = new HashMap<>();
        bank.questions().forEach(q -> questionsByRef.put(q.ref(), q));
        Map<String, ProgressQueries.CardInfo> known = store.cards();
        List<Review> added = new ArrayList<>();
        long skipped = 0;
        long unschedulable = 0;
        int questions = 0;
        for (Map.Entry<String, List<PastReview>> e : byQuestion.entrySet()) {
            Question q = questionsByRef.get(e.getKey());
            if (q == null) continue;
            List<PastReview> reviews = new ArrayList<>(e.getValue());
            reviews.sort(Comparator.comparing(PastReview::at));
            ProgressQueries.CardInfo info = known.get(e.getKey());
            Card state = info == null ? Card.NEW : info.state();
            String hash = ContentHash.of(q);
            List<Review> mine = new ArrayList<>();
            try {
                for (PastReview r : reviews) {
                    if (state.lastReview() != null && !r.at().isAfter(state.lastReview())) {
                        skipped++;
                        continue;
                    }
                    Card after = fsrs.review(state, r.at(), r.rating());
                    mine.add(new Review(0, e.getKey(), hash, r.at(), "{\"rating\":" + r.rating().value() + "}",
                            r.rating() == Rating.AGAIN ? 0 : 1, r.rating(), Set.of(), r.durationMillis(), state, after,
                            SOURCE));
                    state = after;
                }
            } catch (DateTimeException | ArithmeticException outOfRange) {
                unschedulable += reviews.size();
                continue;
            }
            if (!mine.isEmpty()) questions++;
            added.addAll(mine);
        }
        store.recordAll(added);
        return new Brought(added.size(), questions, skipped, unschedulable);
    }
}
