package com.globeco.trading.reconciliation;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * How far an outside source may differ from us before it is a break: an absolute quantity, and a price (average cost)
 * relative to ours (0.0001 is one basis point).
 */
public record Tolerances(BigDecimal quantity, BigDecimal relativePrice) implements Serializable {

    public static Tolerances exact() {
        return new Tolerances(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public boolean quantityDiffers(BigDecimal ours, BigDecimal theirs) {
        return ours.subtract(theirs).abs().compareTo(quantity) > 0;
    }

    public boolean priceDiffers(BigDecimal ours, BigDecimal theirs) {
        if (ours.signum() == 0) {
            return theirs.signum() != 0;
        }
        return ours.subtract(theirs).abs().compareTo(ours.abs().multiply(relativePrice)) > 0;
    }
}
