package com.globeco.trading.operations.deadletters;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** The letters a command is about: of a reason, failed since a time (either may be absent). */
public record LetterFilter(String reason, Instant since) implements Predicate<Letter> {

    public static LetterFilter everything() {
        return new LetterFilter(null, null);
    }

    /** {@code since} as an instant ({@code 2026-11-26T06:00:00Z}) or a duration back from {@code now} ({@code PT1H}, {@code P2D}). */
    public static LetterFilter of(String reason, String since, Instant now) {
        Instant from = since == null ? null : since.startsWith("P") || since.startsWith("p") ? now.minus(Duration.parse(since)) : Instant.parse(since);
        return new LetterFilter(reason, from);
    }

    @Override
    public boolean test(Letter letter) {
        return (reason == null || reason.equals(letter.reason())) && (since == null || !letter.failedAt().isBefore(since));
    }
}
