package com.globeco.trading.testkit.repository;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.globeco.trading.testkit.execution.Latency;
import com.globeco.trading.testkit.http.SimulatedService;

/**
 * An in-process stand-in for a regulator's Trade Repository (as DTCC's GTR or REGIS-TR), to which the regulatory
 * reporting job submits a report for every step of a trade's life, and whose positions the reconciliation compares
 * with ours (docs/compliance-interfaces.md). With injectable latency, errors and outages, an instrument made
 * ineligible to cause rejections on purpose, and views of what it holds for tests.
 *
 * <p>A report id is accepted once: the first valid submission answers 201 with a {@code TR-<n>} receipt, the same
 * content again 200 with that receipt, other content under that id 409. Rejected reports are not remembered, so one
 * rejected for reference data is accepted when resent after {@link #makeEligible(String)}.
 */
public final class TradeRepositorySimulator extends SimulatedService {

    private final RepositoryStore store;
    private final RepositoryApi api;

    /** Starts on an ephemeral port. */
    public static TradeRepositorySimulator start() {
        return start(0);
    }

    public static TradeRepositorySimulator start(int port) {
        return start(port, Clock.systemUTC());
    }

    /** Starts on a port (0 for an ephemeral one), stamping receipts and positions with the given clock. */
    public static TradeRepositorySimulator start(int port, Clock clock) {
        return new TradeRepositorySimulator(port, new RepositoryStore(clock));
    }

    private TradeRepositorySimulator(int port, RepositoryStore store) {
        this(port, store, new RepositoryApi(store));
    }

    private TradeRepositorySimulator(int port, RepositoryStore store, RepositoryApi api) {
        super("trade-repository-simulator", port, api);
        this.api = api;
        this.store = store;
    }

    public void setLatency(Latency latency) {
        delayRequests(latency::next);
    }

    /** From now on NEW and AMEND reports of this instrument are rejected {@code INSTRUMENT_NOT_ELIGIBLE}. */
    /** Submissions answered 503 (the submission gateway down) while trades and positions can still be queried. */
    public void closeSubmissions(boolean closed) {
        api.closeSubmissions(closed);
    }

    public void makeIneligible(String instrument) {
        store.makeIneligible(instrument);
    }

    public void makeEligible(String instrument) {
        store.makeEligible(instrument);
    }

    /** How many distinct reports were accepted; a report submitted again does not count. */
    public int acceptedReports() {
        return store.acceptedReports();
    }

    /** The accepted reports of a UTI in the order they were accepted. */
    public List<AcceptedReport> reportsFor(String uti) {
        return store.reportsFor(uti);
    }

    /** The repository's view of a trade, empty if no report of it was accepted. */
    public Optional<RepositoryTrade> trade(String uti) {
        return store.trade(uti);
    }

    /** Every rejected submission in order, conflicts of report ids included. */
    public List<Rejection> rejections() {
        return store.rejections();
    }

    /** The positions of a reporting entity's live trades, as {@code GET /api/v1/positions} answers them. */
    public List<RepositoryPosition> positions(String reportingEntity) {
        return store.positions(reportingEntity);
    }
}
