package com.globeco.trading.testkit.trade;

import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;

import com.globeco.trading.testkit.execution.Latency;
import com.globeco.trading.testkit.http.SimulatedService;

/**
 * An in-process stand-in for the GlobeCo Trade Service's {@code GET /api/v2/executions?executionServiceId=N}, the
 * call the allocation job makes to find an execution's portfolio, with injectable latency, errors and outages, and
 * counters for tests. Executions are {@linkplain #register registered} by the test, not created over HTTP.
 */
public final class TradeServiceSimulator extends SimulatedService {

    private static final int OBJECT_ID_BYTES = 12;

    private final TradeStore store;

    private TradeServiceSimulator(int port, TradeStore store) {
        super("trade-simulator", port, new TradeApi(store));
        this.store = store;
    }

    /** Starts on an ephemeral port. */
    public static TradeServiceSimulator start() {
        return start(0);
    }

    public static TradeServiceSimulator start(int port) {
        return new TradeServiceSimulator(port, new TradeStore(Clock.systemUTC()));
    }

    public void setLatency(Latency latency) {
        delayRequests(latency::next);
    }

    /**
     * Makes {@code GET /api/v2/executions?executionServiceId=N} find one filled execution of the given portfolio and
     * security. Registering an id again replaces what it was registered with.
     */
    public void register(long executionServiceId, String portfolioId, String securityId, String ticker) {
        store.register(executionServiceId, portfolioId, securityId, ticker);
    }

    /** The portfolio registered for an Execution Service id. */
    public Optional<String> portfolioOf(long executionServiceId) {
        return store.find(executionServiceId).map(execution -> execution.tradeOrder().portfolio().portfolioId());
    }

    /** A portfolio id shaped like the real ones (MongoDB object ids): 24 lowercase hex characters. */
    public static String randomPortfolioId(Random random) {
        byte[] bytes = new byte[OBJECT_ID_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
