package com.globeco.trading.confirmation;

import com.globeco.trading.execution.ExecutionState;
import com.globeco.trading.fills.Fill;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * What the confirmation job knows about one execution: the totals the Execution Service
 * holds (as last seen), its version (0 when unknown, so the next call must read it first)
 * and the fills already dealt with.
 */
public record ExecutionLedger(BigDecimal knownQuantityFilled, int knownVersion, String[] handledFills) {

    public enum Verdict { DUPLICATE, STALE, SEND }

    public static ExecutionLedger empty() {
        return new ExecutionLedger(BigDecimal.ZERO, 0, new String[0]);
    }

    public Verdict judge(Fill fill) {
        if (hasHandled(fill)) {
            return Verdict.DUPLICATE;
        }
        return fill.quantityFilled().compareTo(knownQuantityFilled) <= 0 ? Verdict.STALE : Verdict.SEND;
    }

    public String staleReason(Fill fill) {
        if (fill.quantityFilled().signum() == 0) {
            return "zero fill: nothing to confirm";
        }
        return "quantityFilled " + fill.quantityFilled().toPlainString()
                + " is not above the confirmed " + knownQuantityFilled.toPlainString();
    }

    public boolean hasHandled(Fill fill) {
        return Arrays.asList(handledFills).contains(fill.fingerprint());
    }

    /** The fill is settled (confirmed or skipped); the service is known to hold {@code observed}. */
    public ExecutionLedger settled(Fill fill, ExecutionState observed) {
        ExecutionLedger ledger = handled(fill);
        if (observed == null) {
            return ledger;
        }
        BigDecimal quantity = observed.quantityFilled() == null ? BigDecimal.ZERO : observed.quantityFilled();
        return new ExecutionLedger(quantity.max(ledger.knownQuantityFilled), observed.version(), ledger.handledFills);
    }

    public ExecutionLedger handled(Fill fill) {
        if (hasHandled(fill)) {
            return this;
        }
        String[] handled = Arrays.copyOf(handledFills, handledFills.length + 1);
        handled[handledFills.length] = fill.fingerprint();
        return new ExecutionLedger(knownQuantityFilled, knownVersion, handled);
    }

    /** After a failure the service's version is no longer trusted. */
    public ExecutionLedger forgetVersion() {
        return new ExecutionLedger(knownQuantityFilled, 0, handledFills);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExecutionLedger that
                && knownQuantityFilled.compareTo(that.knownQuantityFilled) == 0
                && knownVersion == that.knownVersion
                && Arrays.equals(handledFills, that.handledFills);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * knownQuantityFilled.stripTrailingZeros().hashCode() + knownVersion) + Arrays.hashCode(handledFills);
    }

    @Override
    public String toString() {
        return "ExecutionLedger[" + knownQuantityFilled.toPlainString() + " at version " + knownVersion
                + ", handled " + Arrays.toString(handledFills) + "]";
    }
}
