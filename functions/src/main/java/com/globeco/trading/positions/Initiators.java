package com.globeco.trading.positions;

/**
 * Who an event says initiated it when no person did: the service identity of the automated step. A trade carries the
 * user of its message.
 */
public final class Initiators {
    /** A market-data price reset, applied by the hotpath. */
    public static final String HOTPATH = "service:trade-hotpath";
    /** A correction, replayed by the coldpath and adopted by the hotpath. */
    public static final String COLDPATH = "service:backdated-coldpath";
    /** A trade whose message names no user: its producers on trade-events. */
    public static final String TRADE_EVENTS = "service:trade-events";
    /** A regulatory report's outcome, recorded by the reporting job. */
    public static final String REGULATORY_REPORTING = "service:regulatory-reporting";

    private Initiators() {}
}
