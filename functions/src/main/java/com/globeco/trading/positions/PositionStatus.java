package com.globeco.trading.positions;

/** Whether a position is known true (RECONCILED) or awaits the coldpath's correction of a backdated trade (PROVISIONAL). */
public enum PositionStatus {
    RECONCILED,
    PROVISIONAL;

    /** The snapshot store's {@code reconciliation_status}: a provisional position's reconciliation is PENDING. */
    public String reconciliationStatus() {
        return this == PROVISIONAL ? "PENDING" : "RECONCILED";
    }
}
