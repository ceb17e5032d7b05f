package com.globeco.trading.reconciliation;

import com.globeco.trading.types.LocalDates;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import com.globeco.trading.positions.EventType;

import java.time.LocalDate;

/** A row of {@code event_store} as the reconciliation reads it: what a replay needs. */
public record StoredEvent(String positionKey, long version, EventType eventType, @TypeInfo(LocalDates.class) LocalDate effectiveDate, String payload) {}
