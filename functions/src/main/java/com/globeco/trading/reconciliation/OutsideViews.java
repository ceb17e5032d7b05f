package com.globeco.trading.reconciliation;

import com.globeco.trading.compliance.custodian.CustodianHolding;

/**
 * What the outside says of one position: the custodian's holding and the Trade Repository's position (each null when
 * that source has none of it), and whether a report of it awaits the repository's answer.
 */
public record OutsideViews(CustodianHolding custodian, RepositoryHolding repository, boolean awaitingAcknowledgement) {

    public static OutsideViews none() {
        return new OutsideViews(null, null, false);
    }
}
