package org.quizcard.cli;

import java.util.List;
import org.quizcard.bank.Bank;
import org.quizcard.exchange.PastReview;

/** PLACEHOLDER: brings imported review history into the learner's progress. */
final class HistoryImport {
    private HistoryImport() {
    }

    static String record(Context context, Bank bank, List<PastReview> history) {
        throw new UnsupportedOperationException("history import");
    }
}
