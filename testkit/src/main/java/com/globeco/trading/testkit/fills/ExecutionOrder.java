package com.globeco.trading.testkit.fills;

import java.math.BigDecimal;
import java.time.Instant;

import com.globeco.trading.testkit.execution.NewExecution;

/** What the fix engine knows about an order before it fills it. */
record ExecutionOrder(
        long fixId,
        String tradeType,
        String destination,
        Security security,
        long quantity,
        Instant receivedTimestamp,
        Instant sentTimestamp) {

    NewExecution toNewExecution() {
        return new NewExecution("NEW", tradeType, destination, security.securityId(), BigDecimal.valueOf(quantity),
                null, null);
    }
}
