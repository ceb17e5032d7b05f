package com.globeco.trading.read.audit;

import com.globeco.trading.read.http.BadRequest;
import com.globeco.trading.read.positions.PositionParams;
import com.globeco.trading.schema.audit.TimeRange;

import java.time.Duration;
import java.time.Instant;

/** The period of an audit query over HTTP: both ends required, {@code from} before {@code to}, at most {@value #MAX_DAYS} days. */
final class AuditPeriod {
    static final int MAX_DAYS = 31;

    private AuditPeriod() {}

    static TimeRange of(String from, String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!start.isBefore(end)) {
            throw new BadRequest("from (" + start + ") must be before to (" + end + ")");
        }
        if (Duration.between(start, end).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            throw new BadRequest("a period is at most " + MAX_DAYS + " days; export a longer one a month at a time");
        }
        return TimeRange.between(start, end);
    }

    private static Instant instant(String name, String raw) {
        return PositionParams.instant(name, raw)
                .orElseThrow(() -> new BadRequest(name + " is required: an ISO-8601 instant such as 2026-03-02T10:15:30Z"));
    }
}
