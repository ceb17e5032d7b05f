package com.globeco.trading.fills;

import java.math.BigDecimal;

/**
 * One fill as the fix engine publishes it. Quantities and amounts are cumulative for the
 * execution; {@code averagePrice} is null while nothing is filled.
 */
public record Fill(
        long id,
        long executionServiceId,
        boolean isOpen,
        String executionStatus,
        String tradeType,
        String destination,
        String securityId,
        String ticker,
        BigDecimal quantity,
        BigDecimal receivedTimestamp,
        BigDecimal sentTimestamp,
        BigDecimal lastFilledTimestamp,
        BigDecimal quantityFilled,
        BigDecimal averagePrice,
        int numberOfFills,
        BigDecimal totalAmount,
        int version) {

    /**
     * Identifies this fill among the fills of its execution, whatever Kafka offset carried it: a
     * redelivered message has the same fingerprint, two zero fills at different times do not.
     */
    public String fingerprint() {
        return numberOfFills + "/" + plain(quantityFilled) + "/" + isOpen + "/" + plain(lastFilledTimestamp);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "-" : value.stripTrailingZeros().toPlainString();
    }
}
