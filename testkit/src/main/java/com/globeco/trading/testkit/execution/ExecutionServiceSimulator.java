package com.globeco.trading.testkit.execution;

import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

import com.globeco.trading.testkit.http.SimulatedService;

/**
 * An in-process stand-in for the GlobeCo Execution Service ({@code /api/v1/executions}, {@code /api/v1/execution/{id}},
 * {@code /health}) with injectable latency, errors and outages, and counters for tests.
 */
public final class ExecutionServiceSimulator extends SimulatedService {

    private final ExecutionStore store;
    private final PutStats puts;

    private ExecutionServiceSimulator(int port, ExecutionStore store, PutStats puts) {
        super("execution-simulator", port, new ExecutionApi(store, puts));
        this.store = store;
        this.puts = puts;
    }

    /** Starts on an ephemeral port. */
    public static ExecutionServiceSimulator start() {
        return start(0);
    }

    public static ExecutionServiceSimulator start(int port) {
        return new ExecutionServiceSimulator(port, new ExecutionStore(Clock.systemUTC()), new PutStats());
    }

    public void setLatency(Latency latency) {
        delayRequests(latency::next);
    }

    public long puts200() {
        return puts.count(ExecutionStore.Outcome.UPDATED);
    }

    /** PUTs rejected for a stale version. */
    public long conflicts() {
        return puts.count(ExecutionStore.Outcome.STALE_VERSION);
    }

    @Override
    public void resetStats() {
        super.resetStats();
        puts.reset();
    }

    public Optional<ExecutionView> execution(long id) {
        return store.find(id).map(StoredExecution::view);
    }

    public Collection<ExecutionView> executions() {
        return store.all().stream().map(StoredExecution::view).collect(Collectors.toUnmodifiableList());
    }

    /** Creates an execution without HTTP, exactly as {@code POST /api/v1/executions} would; returns its id. */
    public long createExecution(NewExecution spec) {
        return store.create(spec).id();
    }
}
