package com.globeco.trading.testkit.execution;

import java.math.BigDecimal;
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
    private final SecurityService securities;
    private volatile Latency latency = Latency.none();

    private ExecutionServiceSimulator(int port, ExecutionStore store, PutStats puts, SecurityService securities) {
        super("execution-simulator", port, new ExecutionApi(store, puts, securities));
        this.store = store;
        this.puts = puts;
        this.securities = securities;
    }

    /** Starts on an ephemeral port. */
    public static ExecutionServiceSimulator start() {
        return start(0);
    }

    public static ExecutionServiceSimulator start(int port) {
        return new ExecutionServiceSimulator(port, new ExecutionStore(Clock.systemUTC()), new PutStats(), new SecurityService());
    }

    public void setLatency(Latency latency) {
        this.latency = latency;
        delayRequests(() -> this.latency.next().plus(securities.nextDelay()));
    }

    /**
     * How long the Security Service takes, which every request waits for: slow or unreachable (a connect timeout) it
     * caps the service's throughput as it does the real one's.
     */
    public void setSecurityServiceLatency(Latency latency) {
        securities.setLatency(latency);
        setLatency(this.latency);
    }

    /** PUTs answered 200, the ones that changed nothing included. */
    public long puts200() {
        return puts.count(ExecutionStore.Outcome.UPDATED) + puts.count(ExecutionStore.Outcome.UNCHANGED);
    }

    /** PUTs of the stored totals: answered 200 without a new version. */
    public long unchangedPuts() {
        return puts.count(ExecutionStore.Outcome.UNCHANGED);
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

    /**
     * Stores the totals without HTTP, exactly as a {@code PUT /api/v1/execution/{id}} with the current version would
     * (the version moves on unless the totals were the stored ones); an execution left as an earlier run left it.
     */
    public ExecutionView holdTotals(long id, BigDecimal quantityFilled, BigDecimal averagePrice) {
        StoredExecution current = store.find(id).orElseThrow(() -> new IllegalArgumentException("no execution " + id));
        return store.update(id, new TotalsUpdate(quantityFilled, averagePrice, current.version())).execution().view();
    }

    /** Creates an execution without HTTP, exactly as {@code POST /api/v1/executions} would; returns its id. */
    public long createExecution(NewExecution spec) {
        return store.create(spec).id();
    }
}
