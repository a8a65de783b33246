package org.quizcard.cli;

import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quizcard.Plural;
import org.quizcard.bank.Bank;
import org.quizcard.bank.ContentHash;
import org.quizcard.bank.Question;
import org.quizcard.exchange.PastReview;
import org.quizcard.srs.Card;
import org.quizcard.srs.Fsrs;
import org.quizcard.srs.Rating;
import org.quizcard.store.ProgressQueries;
import org.quizcard.store.ProgressStore;
import org.quizcard.store.Review;

/**
 * Brings imported review history into the learner's progress: each question's reviews, in time
 * order, replayed through the learner's scheduler (their settings, weights and time zone) from
 * the question's state now, as {@code quizcard replay} replays a log, and appended to the log in
 * one transaction (after today's backup). Progress already there is never changed: a question's
 * reviews at or before its last recorded review are skipped, so importing the same history
 * twice adds it once.
 */
final class HistoryImport {
    /** The {@code source} column of reviews brought in this way. */
    static final String SOURCE = "anki";

    private HistoryImport() {
    }

    static String record(Context context, Bank bank, List<PastReview> history) {
        Map<String, List<PastReview>> byQuestion = new LinkedHashMap<>();
        for (PastReview r : history) byQuestion.computeIfAbsent(r.ref(), k -> new ArrayList<>()).add(r);
        Map<String, Question> questionsByRef = new java.util.HashMap<>();
        bank.questions().forEach(q -> questionsByRef.put(q.ref(), q));
        try (ProgressStore store = Progress.openForSession(context)) {
            Fsrs fsrs = Progress.scheduler(context, store);
            Map<String, ProgressQueries.CardInfo> known = store.cards();
            List<Review> added = new ArrayList<>();
            long skipped = 0;
            long unschedulable = 0;
            int questions = 0;
            for (Map.Entry<String, List<PastReview>> e : byQuestion.entrySet()) {
                Optional<Question> q = Optional.ofNullable(questionsByRef.get(e.getKey()));
                if (q.isEmpty()) continue;
                List<PastReview> reviews = new ArrayList<>(e.getValue());
                reviews.sort(Comparator.comparing(PastReview::at));
                ProgressQueries.CardInfo info = known.get(e.getKey());
                Card state = info == null ? Card.NEW : info.state();
                String hash = ContentHash.of(q.get());
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
            StringBuilder said = new StringBuilder("brought " + Plural.of(added.size(), "review") + " of "
                    + Plural.of(questions, "question") + " into your progress (" + store.file() + ")");
            if (skipped > 0) said.append("; ").append(Plural.of(skipped, "review")).append(" already there skipped");
            if (unschedulable > 0) {
                said.append("; ").append(Plural.of(unschedulable, "review")).append(" at dates that cannot be scheduled left out");
            }
            return said.toString();
        }
    }
}
