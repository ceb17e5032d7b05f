package com.globeco.trading.reconciliation;

import java.time.LocalDate;

/**
 * A row of {@code event_store} as the reconciliation reads it: what a replay needs. The effective date
 * travels as an epoch day (Flink has no serializer of its own for a {@code LocalDate} field).
 */
public record StoredEvent(String positionKey, long version, String eventType, Long effectiveEpochDay, String payload) {

    public static StoredEvent of(String positionKey, long version, String eventType, LocalDate effectiveDate, String payload) {
        return new StoredEvent(positionKey, version, eventType, effectiveDate == null ? null : effectiveDate.toEpochDay(), payload);
    }

    public LocalDate effectiveDate() {
        return effectiveEpochDay == null ? null : LocalDate.ofEpochDay(effectiveEpochDay);
    }
}
