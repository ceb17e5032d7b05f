package com.globeco.trading.positions;

import java.math.BigDecimal;

/**
 * What a correction did to a position: the payload of a HISTORICAL_POSITION_CORRECTED event. The
 * backdated trades it settles, the provisional version the coldpath replayed to, the position before
 * (provisional) and after; how much more the position's decreases up to this event realize, corrected,
 * than their events recorded ({@code realizedPnlAdjustment}), and how much of that this correction
 * changed ({@code realizedPnlDelta}).
 */
public record PositionCorrected(
        String[] backdatedTradeIds,
        long replacesVersion,
        PositionTotals before,
        PositionTotals after,
        BigDecimal realizedPnlAdjustment,
        BigDecimal realizedPnlDelta) implements EventPayload {}
