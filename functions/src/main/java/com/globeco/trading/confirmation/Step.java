package com.globeco.trading.confirmation;

import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.execution.ExecutionState;
import com.globeco.trading.execution.ExecutionUpdate;
import com.globeco.trading.fills.Outcome;

import java.time.Duration;

/** The next thing to do for a fill being confirmed. */
public sealed interface Step {

    /** Read the execution ({@code GET /api/v1/execution/{id}}). */
    record Read() implements Step {}

    /** Write the fill's totals ({@code PUT /api/v1/execution/{id}}). */
    record Write(ExecutionUpdate update) implements Step {}

    /** Wait, then start over with a read. */
    record RetryLater(Duration delay) implements Step {}

    /**
     * The fill is done. {@code observed} is the execution as the service last showed it, or
     * null when nothing trustworthy is known; {@code reason} is a category for failures.
     */
    record Finish(Outcome outcome, DeadLetterReason reason, String detail, Integer versionBefore, Integer versionAfter,
                  ExecutionState observed) implements Step {}
}
