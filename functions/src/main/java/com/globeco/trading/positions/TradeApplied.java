package com.globeco.trading.positions;

import java.math.BigDecimal;

/**
 * What a trade did to its position: the payload of a TRADE_APPLIED or PROVISIONAL_TRADE_APPLIED
 * event, with the tax-lot method the position had. A decrease lists the lots it relieved and the P&L it realized; an opening has neither.
 */
public record TradeApplied(
        String tradeId,
        TradeType tradeType,
        BigDecimal quantity,
        BigDecimal price,
        SequenceStatus sequenceStatus,
        TaxLotMethod method,
        LotReduction[] allocation,
        BigDecimal realizedPnl,
        PositionTotals totals) implements EventPayload {}
