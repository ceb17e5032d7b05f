package com.globeco.trading.testkit.custodian;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import com.globeco.trading.compliance.custodian.CustodianHolding;
import com.globeco.trading.positions.TradeType;

/**
 * A position as the custodian keeps it, by the average-cost method: a NEW_TRADE or INCREASE adds its quantity and
 * moves the average cost to the weighted average of what was held and what was bought, exactly; a DECREASE takes its
 * quantity away, below zero too, and leaves the average cost alone. Buying into a flat or short position, or opening
 * one with a DECREASE, starts the average at the trade's price.
 */
final class HeldPosition {

    /** The average cost as the statement carries it. */
    static final int AVERAGE_COST_SCALE = 8;

    private final String positionKey;
    private BigDecimal quantity = BigDecimal.ZERO;
    private Fraction averageCost;
    private LocalDate lastActivity;

    HeldPosition(String positionKey) {
        this.positionKey = positionKey;
    }

    void apply(BookedTrade trade) {
        Fraction price = Fraction.of(trade.price());
        if (trade.type() == TradeType.DECREASE) {
            averageCost = averageCost == null ? price : averageCost;
            quantity = quantity.subtract(trade.quantity());
        } else {
            averageCost = quantity.signum() > 0 ? weightedWith(trade.quantity(), price) : price;
            quantity = quantity.add(trade.quantity());
        }
        lastActivity = lastActivity == null || trade.effectiveDate().isAfter(lastActivity) ? trade.effectiveDate()
                : lastActivity;
    }

    private Fraction weightedWith(BigDecimal bought, Fraction price) {
        Fraction held = Fraction.of(quantity);
        Fraction added = Fraction.of(bought);
        return held.times(averageCost).plus(added.times(price)).dividedBy(held.plus(added));
    }

    /** The holding on a statement of that date, before any break; no market price yet. */
    CustodianHolding holding(LocalDate statementDate) {
        return new CustodianHolding(statementDate, positionKey, quantity, averageCost.rounded(AVERAGE_COST_SCALE), null,
                lastActivity);
    }

    static BigDecimal statedAverageCost(BigDecimal averageCost) {
        return averageCost.setScale(AVERAGE_COST_SCALE, RoundingMode.HALF_EVEN);
    }
}
