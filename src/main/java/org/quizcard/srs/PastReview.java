package org.quizcard.srs;

import java.time.Instant;

/**
 * One review from another tool's log, for the question {@code ref} ({@code concept/id}) of the
 * imported bank: when it happened, the rating given, and how long the answer took (0 when the
 * log does not say).
 */
public record PastReview(String ref, Instant at, Rating rating, long durationMillis) { }
