package com.globeco.trading.positions;

/** The kind of a position's event, as the event store's {@code event_type} names it. */
public enum EventType {
    TRADE_APPLIED,
    PROVISIONAL_TRADE_APPLIED,
    RESET,
    HISTORICAL_POSITION_CORRECTED,
    /** The Trade Repository's answer to a report of one of the position's trades: changes no lot. */
    REGULATORY_REPORT_SUBMITTED
}
