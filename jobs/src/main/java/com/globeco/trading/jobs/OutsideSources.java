package com.globeco.trading.jobs;

import com.globeco.trading.compliance.custodian.CustodianHolding;
import com.globeco.trading.positions.ReconciliationBreak;
import com.globeco.trading.reconciliation.ExternalCheck;
import com.globeco.trading.reconciliation.RepositoryHolding;

import java.util.List;

/**
 * What a reconciliation run compares our positions with, gathered before the batch job starts: the custodian's
 * statement, the Trade Repository's positions, the positions with a report the repository has not answered, and the
 * breaks of the run itself (a statement missing or unreadable lines, a repository that did not answer).
 */
public record OutsideSources(List<CustodianHolding> custodian, List<RepositoryHolding> repository, List<String> awaitingAcknowledgement,
                             List<ReconciliationBreak> runBreaks, ExternalCheck check) {

    public static OutsideSources none(String runId, java.time.Duration provisionalSla) {
        return new OutsideSources(List.of(), List.of(), List.of(), List.of(),
                new ExternalCheck(runId, null, false, com.globeco.trading.reconciliation.Tolerances.exact(), provisionalSla));
    }
}
