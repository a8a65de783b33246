package org.quizcard.exchange;

import java.time.Clock;
import org.quizcard.exchange.anki.AnkiPackageReader;
import org.quizcard.exchange.anki.AnkiPackageWriter;
import org.quizcard.exchange.anki.AnkiTextReader;
import org.quizcard.exchange.anki.AnkiTextWriter;
import org.quizcard.exchange.gift.GiftReader;
import org.quizcard.exchange.gift.GiftWriter;
import org.quizcard.exchange.moodle.MoodleReader;
import org.quizcard.exchange.moodle.MoodleWriter;
import org.quizcard.exchange.qti.QtiWriter;

/** The reader and the writer of each format. */
public final class Exchange {
    private Exchange() {
    }

    /** The reader of {@code format}; QTI has none. */
    public static DeckReader reader(Format format) {
        return switch (format) {
            case ANKI -> new AnkiPackageReader();
            case ANKI_TEXT -> new AnkiTextReader();
            case MOODLE -> new MoodleReader();
            case GIFT -> new GiftReader();
            case QTI -> throw new IllegalArgumentException("QTI is written, not read");
        };
    }

    /** The writer of {@code format}; a format that stamps times (an Anki package) takes them from {@code clock}. */
    public static BankExporter writer(Format format, Clock clock) {
        return switch (format) {
            case ANKI -> new AnkiPackageWriter(clock);
            case ANKI_TEXT -> new AnkiTextWriter();
            case MOODLE -> new MoodleWriter();
            case GIFT -> new GiftWriter();
            case QTI -> new QtiWriter();
        };
    }
}
