package com.globeco.trading.positions;

/**
 * One position as the hotpath keeps it in keyed state: its open lots, the version of its last
 * event, whether a backdated trade made it provisional, its latest effective date (ISO day) and
 * the tax-lot method its contract prescribes.
 */
public record PositionState(TaxLots lots, long version, String status, String latestEffectiveDate, TaxLotMethod method) {
    public static final String RECONCILED = "RECONCILED";
    public static final String PROVISIONAL = "PROVISIONAL";

    public static PositionState empty() {
        return new PositionState(TaxLots.none(), 0, RECONCILED, null, TaxLotMethod.FIFO);
    }

    public PositionState withMethod(TaxLotMethod newMethod) {
        return new PositionState(lots, version, status, latestEffectiveDate, newMethod);
    }
}
