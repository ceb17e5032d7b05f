package com.globeco.trading.operators.allocation;

import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.fills.ValidatedFill;

/**
 * The Trade Service's answer for one closed execution: its portfolio, or why there is none.
 * {@code retryable} failures may succeed on another attempt; a missing portfolio will not.
 */
public record PortfolioLookup(ValidatedFill inbound, String portfolioId, DeadLetterReason failureReason, String failureDetail,
                              boolean retryable) {

    public static PortfolioLookup found(ValidatedFill inbound, String portfolioId) {
        return new PortfolioLookup(inbound, portfolioId, null, null, false);
    }

    public static PortfolioLookup failed(ValidatedFill inbound, DeadLetterReason reason, String detail, boolean retryable) {
        return new PortfolioLookup(inbound, null, reason, detail, retryable);
    }

    public boolean resolved() {
        return portfolioId != null;
    }
}
