package com.globeco.trading.testkit.execution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;

/**
 * An in-process stand-in for the GlobeCo Execution Service ({@code /api/v1/executions}, {@code /api/v1/execution/{id}},
 * {@code /health}) with injectable latency, errors and outages, and counters for tests.
 */
public final class ExecutionServiceSimulator implements AutoCloseable {

    private static final int HANDLER_THREADS = 64;
    private static final int ACCEPT_BACKLOG = 1024;

    private final HttpServer server;
    private final ExecutorService handlers;
    private final ExecutionStore store;
    private final FaultInjection faults;
    private final SimulatorStats stats;

    private ExecutionServiceSimulator(HttpServer server, ExecutorService handlers, ExecutionStore store,
                                      FaultInjection faults, SimulatorStats stats) {
        this.server = server;
        this.handlers = handlers;
        this.store = store;
        this.faults = faults;
        this.stats = stats;
    }

    /** Starts on an ephemeral port. */
    public static ExecutionServiceSimulator start() {
        return start(0);
    }

    public static ExecutionServiceSimulator start(int port) {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        ExecutionStore store = new ExecutionStore(Clock.systemUTC());
        FaultInjection faults = new FaultInjection();
        SimulatorStats stats = new SimulatorStats();
        ExecutorService handlers = Executors.newFixedThreadPool(HANDLER_THREADS, daemonThreads());
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(port), ACCEPT_BACKLOG);
            server.createContext("/", new SimulatorHandler(new ExecutionApi(store, stats), faults, stats));
            server.setExecutor(handlers);
            server.start();
            return new ExecutionServiceSimulator(server, handlers, store, faults, stats);
        } catch (IOException e) {
            handlers.shutdownNow();
            throw new UncheckedIOException("execution service simulator failed to start on port " + port, e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "execution-simulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    public void setLatency(Latency latency) {
        faults.setLatency(latency);
    }

    /** The fraction (0..1) of requests answered 503 before they touch any state. */
    public void setErrorRate(double errorRate) {
        faults.setErrorRate(errorRate);
    }

    /** While on, every request is answered 503 immediately. */
    public void setOutage(boolean outage) {
        faults.setOutage(outage);
    }

    /** The most requests handled at the same time since start or the last {@link #resetStats()}. */
    public int maxInFlight() {
        return stats.maxInFlight();
    }

    public long requests(String method) {
        return stats.requests(method);
    }

    public long puts200() {
        return stats.puts200();
    }

    /** PUTs rejected for a stale version. */
    public long conflicts() {
        return stats.conflicts();
    }

    /** Requests that carried a W3C {@code traceparent} and an {@code X-Correlation-ID}. */
    public long tracedRequests() {
        return stats.tracedRequests();
    }

    public void resetStats() {
        stats.reset();
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

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        try {
            handlers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
