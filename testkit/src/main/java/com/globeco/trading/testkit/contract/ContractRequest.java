package com.globeco.trading.testkit.contract;

import java.math.BigDecimal;

/**
 * The body of {@code POST /api/v1/contracts}: the trade a contract is generated for. Only {@code tradeId} and
 * {@code positionKey} are required; the terms are accepted as sent.
 */
record ContractRequest(String tradeId, String positionKey, BigDecimal quantity, BigDecimal price,
        String effectiveDate) {

    /** Whether both required fields are present and not blank. */
    boolean complete() {
        return present(tradeId) && present(positionKey);
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
