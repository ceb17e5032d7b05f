package com.globeco.trading.testkit.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpServer;

/**
 * The HTTP side of an in-process service simulator: a JDK HTTP server (Nagle off) on a pool of daemon threads that
 * counts every request, applies injected latency, errors and outages, then hands the request to the service's
 * {@link ApiRouter}. A subclass supplies the router and the service's own state and test hooks.
 */
public abstract class SimulatedService implements AutoCloseable {

    private static final int HANDLER_THREADS = 64;
    private static final int ACCEPT_BACKLOG = 1024;

    private final FaultInjection faults = new FaultInjection();
    private final RequestStats stats = new RequestStats();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ExecutorService handlers;
    private final HttpServer server;

    /**
     * Starts serving at once.
     *
     * @param name names the handler threads and appears in a start failure
     * @param port the port to listen on, 0 for an ephemeral one
     * @param api  answers the requests that get past the injected faults
     * @throws UncheckedIOException if the port cannot be bound
     */
    protected SimulatedService(String name, int port, ApiRouter api) {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        handlers = Executors.newFixedThreadPool(HANDLER_THREADS, daemonThreads(name));
        server = bind(name, port, handlers);
        server.createContext("/", new SimulatorHandler(api, faults, stats));
        server.setExecutor(handlers);
        server.start();
    }

    private static HttpServer bind(String name, int port, ExecutorService handlers) {
        try {
            return HttpServer.create(new InetSocketAddress(port), ACCEPT_BACKLOG);
        } catch (IOException e) {
            handlers.shutdownNow();
            throw new UncheckedIOException(name + " failed to start on port " + port, e);
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    public final URI baseUri() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** How long each request waits before it is answered; a subclass exposes this with its own latency type. */
    protected final void delayRequests(Supplier<Duration> latency) {
        faults.setLatency(latency);
    }

    /** The fraction (0..1) of requests answered 503 before they touch any state. */
    public final void setErrorRate(double errorRate) {
        faults.setErrorRate(errorRate);
    }

    /** While on, every request is answered 503 immediately. */
    public final void setOutage(boolean outage) {
        faults.setOutage(outage);
    }

    /**
     * Answers every request with {@code reply} instead of what the API would answer, touching no state: a service that
     * sends a malformed, wrongly typed, empty or oversized answer. {@link #clearFaults()} ends it.
     */
    public final void answerEveryRequestWith(Reply reply) {
        faults.setWrongAnswer(Objects.requireNonNull(reply));
    }

    /** Back to a healthy service: no latency, no injected errors, no outage, no wrong answers. */
    public final void clearFaults() {
        faults.clear();
    }

    /** The most requests handled at the same time since start or the last {@link #resetStats()}. */
    public final int maxInFlight() {
        return stats.maxInFlight();
    }

    /** Requests with this HTTP method since start or the last {@link #resetStats()}, whatever their answer. */
    public final long requests(String method) {
        return stats.requests(method);
    }

    /** All requests since start or the last {@link #resetStats()}, whatever their answer. */
    public final long requests() {
        return stats.requests();
    }

    /** Requests that carried a W3C {@code traceparent} and an {@code X-Correlation-ID}. */
    public final long tracedRequests() {
        return stats.tracedRequests();
    }

    /** The W3C trace ids of the traced requests since start or the last {@link #resetStats()}. */
    public final java.util.Set<String> traceIds() {
        return stats.traceparents().stream().map(TraceContext::traceId).collect(java.util.stream.Collectors.toSet());
    }

    /** The W3C {@code traceparent} headers of the traced requests: trace id and the caller's span id. */
    public final java.util.Set<String> traceparents() {
        return stats.traceparents();
    }

    /** Zeroes the counters; a subclass that keeps counters of its own resets them too. */
    public void resetStats() {
        stats.reset();
    }

    /** Stops listening and ends the handler threads; calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        handlers.shutdownNow();
        try {
            handlers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
