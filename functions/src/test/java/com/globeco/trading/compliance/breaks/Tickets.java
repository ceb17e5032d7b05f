package com.globeco.trading.compliance.breaks;

import com.globeco.trading.positions.ReconciliationBreak.Severity;

import java.time.Instant;

/** Tickets for the workflow's tests. */
final class Tickets {
    static final Instant OPENED_AT = Instant.parse("2030-01-02T03:00:00Z");
    static final BreakKey KEY = new BreakKey("ACC-1:IBM:USD", "QUANTITY_MISMATCH");
    static final Finding FINDING = new Finding(Severity.CRITICAL, "100", "90");

    private Tickets() {}

    static BreakTicket opened() {
        return BreakTicket.opened(7, KEY, FINDING, new Sighting("run-1", OPENED_AT));
    }
}
