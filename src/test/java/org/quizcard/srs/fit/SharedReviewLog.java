package org.quizcard.srs.fit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The MIT-licensed real review log in {@code src/test/resources/fsrs/shared-review-log.csv}
 * ({@code card_id,review_rating,review_time,review_duration}, times ISO 8601 with offset), converted to
 * {@link Review}s; the duration is not used.
 */
public final class SharedReviewLog {

    static final String RESOURCE = "/fsrs/shared-review-log.csv";
    static final String HEADER = "card_id,review_rating,review_time,review_duration";

    private SharedReviewLog() {
    }

    public static List<Review> reviews() {
        try (InputStream in = SharedReviewLog.class.getResourceAsStream(RESOURCE)) {
            return convert(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Review> convert(BufferedReader reader) throws IOException {
        String header = reader.readLine();
        if (!HEADER.equals(header)) {
            throw new IllegalArgumentException("line 1: expected header " + HEADER + ", got " + header);
        }
        List<Review> reviews = new ArrayList<>();
        int line = 1;
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            line++;
            if (text.isEmpty()) {
                continue;
            }
            String[] f = text.split(",", -1);
            if (f.length != 4) {
                throw new IllegalArgumentException("line " + line + ": expected 4 fields, got " + f.length);
            }
            reviews.add(new Review(f[0], OffsetDateTime.parse(f[2]).toInstant(), Integer.parseInt(f[1])));
        }
        return reviews;
    }
}
