package org.quizcard.study;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.quizcard.QuizcardException;
import org.quizcard.bank.ContentHash;
import org.quizcard.bank.Question;
import org.quizcard.srs.Card;
import org.quizcard.srs.Fsrs;
import org.quizcard.srs.Rating;
import org.quizcard.store.ProgressStore;
import org.quizcard.store.Review;

/**
 * Puts each answer through the scheduler and into the progress store: the card's next state is
 * computed from its cached state, and both go into the log in one committed transaction.
 * {@code source} names the command that produced the reviews ("study", "quiz").
 */
public record ScheduledSink(ProgressStore store, Fsrs fsrs, String source) implements ReviewSink {

    @Override
    public long record(Answered a) {
        String ref = a.question().ref();
        Card before = card(ref);
        Card after = fsrs.review(before, scheduledAt(before, a.at()), a.rating());
        try {
            return store.record(new Review(0, ref, ContentHash.of(a.question()), a.at(), ResponseJson.toJson(a.response()),
                    a.verdict().score(), a.rating(), a.misconceptions(), a.millis(), before, after, source));
        } catch (QuizcardException e) {
            throw new QuizcardException(e.getMessage() + "; the answer to " + ref + " was not saved",
                    e.exitCode(), e);
        }
    }

    @Override
    public void rerate(long handle, Answered a) {
        store.stateBefore(handle).ifPresent(before -> store.rerate(handle, a.rating(),
                fsrs.review(before, scheduledAt(before, a.at()), a.rating())));
    }

    @Override
    public Map<Rating, Instant> preview(Question question, Instant at) {
        Card before = card(question.ref());
        Map<Rating, Instant> dues = new EnumMap<>(Rating.class);
        fsrs.preview(before, scheduledAt(before, at)).forEach((rating, card) -> dues.put(rating, card.due()));
        return dues;
    }

    /**
     * When the answer is scheduled from: its time, or, when the clock was set back behind the
     * card's last review, that review's time, as Anki does (the review counts as on the last
     * review's day). The log keeps the answer's own time.
     */
    private static Instant scheduledAt(Card before, Instant at) {
        Instant last = before.lastReview();
        return last != null && at.isBefore(last) ? last : at;
    }

    @Override
    public void undo(long handle) {
        store.undo(handle);
    }

    /** The card's state after the last recorded review, for re-queueing learning cards. */
    public Card card(String ref) {
        return store.card(ref).orElse(Card.NEW);
    }
}
