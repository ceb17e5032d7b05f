package com.globeco.trading.positions;

import java.math.BigDecimal;

/**
 * The coldpath's answer for one position, sent to the hotpath on {@code position-corrections}: the
 * true lots as of {@code asOfVersion} (its event stream up to that version replayed in effective-date
 * order) and how much more its decreases up to that version realize so than their events recorded, for
 * the backdated trades it covers. A refused correction has no lots, and the reason instead.
 */
public record Correction(
        String positionKey,
        long asOfVersion,
        CorrectionOutcome outcome,
        TaxLots lots,
        BigDecimal realizedPnlAdjustment,
        String[] backdatedTradeIds,
        String reason,
        String correlationId) {

    public static Correction corrected(String positionKey, long asOfVersion, Replay.Result truth, String[] tradeIds, String correlationId) {
        return new Correction(positionKey, asOfVersion, CorrectionOutcome.CORRECTED, truth.lots(), truth.realizedPnlAdjustment(), tradeIds,
                null, correlationId);
    }

    public static Correction refused(String positionKey, long asOfVersion, String[] tradeIds, String reason, String correlationId) {
        return new Correction(positionKey, asOfVersion, CorrectionOutcome.REFUSED, null, null, tradeIds, reason, correlationId);
    }

    public boolean applicable() {
        return outcome == CorrectionOutcome.CORRECTED;
    }
}
