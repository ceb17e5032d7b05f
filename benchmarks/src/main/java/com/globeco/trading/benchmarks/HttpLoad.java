package com.globeco.trading.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
 * measurement (no coordinated omission).
 */
final class HttpLoad {
    private static final int CLIENTS = 64;
    private static final long LATE_NANOS = 1_000_000;

    /** The latencies in milliseconds, the answers that were not 200, and the requests a free client took over 1 ms to start. */
    record Result(List<Double> latencies, int errors, int lateStarts) {}

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
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
            HttpRequest get = HttpRequest.newBuilder(URI.create(base + paths.get())).timeout(Duration.ofSeconds(10)).build();
            clients.execute(() -> {
                if (System.nanoTime() - due > LATE_NANOS) {
                    late.incrementAndGet();
                }
                try {
                    if (client.send(get, HttpResponse.BodyHandlers.ofByteArray()).statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                } catch (IOException | InterruptedException failed) {
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
    double timed(String path) throws IOException, InterruptedException {
        HttpRequest get = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build();
        long start = System.nanoTime();
        HttpResponse<byte[]> answer = client.send(get, HttpResponse.BodyHandlers.ofByteArray());
        double millis = (System.nanoTime() - start) / 1e6;
        if (answer.statusCode() != 200) {
            throw new IOException(path + " answered " + answer.statusCode() + ": " + new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return millis;
    }
}
