package com.globeco.trading.savepoints;

import java.math.BigDecimal;

/**
 * One execution as the fill-confirmation job's state holds it: the totals and version it knows
 * the Execution Service to hold, how many fills it has handled, and any fill still under way.
 */
public record ExecutionStateView(
        long executionServiceId,
        BigDecimal knownQuantityFilled,
        int knownVersion,
        int handledFills,
        String activeFill,
        int waitingFills) {

    public String csv() {
        return executionServiceId + "," + knownQuantityFilled.toPlainString() + "," + knownVersion + ","
                + handledFills + "," + (activeFill == null ? "" : activeFill) + "," + waitingFills;
    }

    public static String csvHeader() {
        return "execution_service_id,known_quantity_filled,known_version,handled_fills,active_fill,waiting_fills";
    }
}
