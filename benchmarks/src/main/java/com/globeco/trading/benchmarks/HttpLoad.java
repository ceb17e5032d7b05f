package com.globeco.trading.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * GET requests to one HTTP service: timed one at a time, or at a fixed rate (open loop) from a pool of blocking
 * clients, each request's latency counted from when it was due to start, so that a slow answer delays no
 * measurement (no coordinated omission). The clients are the JDK's plain blocking ones over kept-alive connections
 * (as many as clients), the lightest on CPU of the JDK's: the generator shares the machine with what it measures.
 */
final class HttpLoad {
    private static final int CLIENTS = 64;
    private static final long LATE_NANOS = 1_000_000;

    /** The latencies in milliseconds, the answers that were not 200, and the requests a free client took over 1 ms to start. */
    record Result(List<Double> latencies, int errors, int lateStarts) {}

    static {
        System.setProperty("http.maxConnections", String.valueOf(CLIENTS));
    }

    private final String base;

    HttpLoad(String base) {
        this.base = base;
    }

    Result openLoop(Supplier<String> paths, double perSecond, int seconds) throws InterruptedException {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger late = new AtomicInteger();
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime() + 10_000_000;
        long requests = (long) (perSecond * seconds);
        for (long request = 0; request < requests; request++) {
            long due = start + request * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String path = paths.get();
            clients.execute(() -> {
                if (System.nanoTime() - due > LATE_NANOS) {
                    late.incrementAndGet();
                }
                try {
                    if (get(path) != 200) {
                        errors.incrementAndGet();
                    }
                } catch (IOException failed) {
                    errors.incrementAndGet();
                }
                latencies.add((System.nanoTime() - due) / 1e6);
            });
        }
        clients.shutdown();
        clients.awaitTermination(1, TimeUnit.MINUTES);
        return new Result(List.copyOf(latencies), errors.get(), late.get());
    }

    /** One request's time in milliseconds. */
    double timed(String path) throws IOException {
        long start = System.nanoTime();
        int status = get(path);
        double millis = (System.nanoTime() - start) / 1e6;
        if (status != 200) {
            throw new IOException(path + " answered " + status);
        }
        return millis;
    }

    /** The answer's status, its body read to the end so that the connection is kept for the next request. */
    private int get(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(30_000);
        int status = connection.getResponseCode();
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (body != null) {
                body.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
        return status;
    }
}
