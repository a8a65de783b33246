package org.quizcard.study;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.quizcard.srs.Rating;

/** Times until a next review as Anki writes them on its rating buttons: "<1m", "10m", "5h", "3d", "2.5mo", "1.2y". */
public final class Intervals {
    private Intervals() {
    }

    /** Each rating's time from {@code at} until its due time in {@code dues}. */
    public static Map<Rating, String> labels(Instant at, Map<Rating, Instant> dues) {
        Map<Rating, String> labels = new EnumMap<>(Rating.class);
        dues.forEach((rating, due) -> labels.put(rating, label(Duration.between(at, due))));
        return labels;
    }

    /** One span, rounded to the unit a learner reads it in. */
    public static String label(Duration span) {
        long minutes = Math.max(0, Math.round(span.getSeconds() / 60.0));
        if (minutes < 1) return "<1m";
        if (minutes < 60) return minutes + "m";
        long hours = Math.round(minutes / 60.0);
        if (hours < 24) return hours + "h";
        double days = span.getSeconds() / 86_400.0;
        if (days < 30) return Math.round(days) + "d";
        if (days < 365) return decimal(days / 30.4375) + "mo";
        return decimal(days / 365.25) + "y";
    }

    private static String decimal(double v) {
        double rounded = Math.round(v * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.format(Locale.ROOT, "%.1f", rounded);
    }
}
