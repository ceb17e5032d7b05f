package com.globeco.trading.positions;

import java.time.LocalDate;

/** Where a trade falls against its position's history. */
public enum SequenceStatus {
    CURRENT_DATED,
    FORWARD_DATED,
    BACKDATED;

    /**
     * Before the position's latest effective date: BACKDATED (the coldpath replays it); after the
     * business date: FORWARD_DATED; otherwise CURRENT_DATED. A position without history has no past.
     */
    public static SequenceStatus of(LocalDate effectiveDate, LocalDate latestEffectiveDate, LocalDate businessDate) {
        if (latestEffectiveDate != null && effectiveDate.isBefore(latestEffectiveDate)) {
            return BACKDATED;
        }
        return effectiveDate.isAfter(businessDate) ? FORWARD_DATED : CURRENT_DATED;
    }
}
