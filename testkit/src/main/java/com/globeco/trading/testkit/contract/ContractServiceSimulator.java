package com.globeco.trading.testkit.contract;

import java.time.Clock;
import java.util.Optional;

import com.globeco.trading.testkit.execution.Latency;
import com.globeco.trading.testkit.http.SimulatedService;

/**
 * An in-process stand-in for the Position Management Contract Service's {@code POST /api/v1/contracts}, which the
 * trade hotpath calls synchronously (with a 40 ms client timeout) to generate a contract for each current or
 * forward-dated trade; with injectable latency, errors and outages, and counters for tests.
 *
 * <p>Generation is idempotent by tradeId: the first POST for a trade answers 201 with a new {@code CTR-<n>}
 * contract, every later one 200 with that same contract. A request the client gave up on still generates the
 * contract once its injected latency has passed, so a retry finds it.
 */
public final class ContractServiceSimulator extends SimulatedService {

    private final ContractStore store;

    /** Starts on an ephemeral port. */
    public static ContractServiceSimulator start() {
        return start(0);
    }

    public static ContractServiceSimulator start(int port) {
        return start(port, Clock.systemUTC());
    }

    /** Starts on a port (0 for an ephemeral one) with contracts stamped {@code createdAt} by the given clock. */
    public static ContractServiceSimulator start(int port, Clock clock) {
        return new ContractServiceSimulator(port, new ContractStore(clock));
    }

    private ContractServiceSimulator(int port, ContractStore store) {
        super("contract-simulator", port, new ContractApi(store));
        this.store = store;
    }

    public void setLatency(Latency latency) {
        delayRequests(latency::next);
    }

    /** The id of the contract generated for a trade, empty if none was. */
    public Optional<String> contractOf(String tradeId) {
        return store.find(tradeId).map(Contract::contractId);
    }

    /** How many distinct contracts have been generated, one a trade; repeated POSTs for a trade do not count. */
    public int contractsGenerated() {
        return store.size();
    }
}
