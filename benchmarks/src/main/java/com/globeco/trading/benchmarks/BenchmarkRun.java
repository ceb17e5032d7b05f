package com.globeco.trading.benchmarks;


import com.globeco.trading.local.ConfirmationMetricNames;
import com.globeco.trading.local.PrometheusScrape;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;

/** Samples the job's decision counters and takes figures between the end of the warm-up and the end. */
final class BenchmarkRun {
    record Figures(String mode, long fills, double seconds, long calls, double p50Millis, double p95Millis, long peakHeapBytes,
                   long rssBytes, long backlog) {

        /**
         * @param simulatorLatencyMillis the simulator's fixed latency, which makes the bound; against a real service (empty)
         *                               the bound is made of the observed median latency
         */
        void print(PrintStream out, int maxCalls, java.util.OptionalInt simulatorLatencyMillis, boolean durable) {
            double latencyMillis = simulatorLatencyMillis.isPresent() ? simulatorLatencyMillis.getAsInt() : p50Millis;
            double bound = maxCalls * 1000.0 / latencyMillis;
            double fillsPerSecond = fills / seconds;
            out.printf("%n== fill-confirmation benchmark, %s (warm: figures after the warm-up) ==%n", mode);
            out.printf(simulatorLatencyMillis.isPresent() ? "Execution Service simulator latency   %.0f ms fixed%n"
                    : "Execution Service (real) latency p50  %.2f ms observed%n", latencyMillis);
            out.printf("Postgres durability                   %s%n", durable ? "fsync on, synchronous_commit on" : "fsync off (FAST)");
            out.printf("fills measured                        %,d in %.1f s%n", fills, seconds);
            out.printf("throughput                            %,.0f fills/s%n", fillsPerSecond);
            out.printf("bound (max calls / latency)           %,.0f calls/s -> %.0f%% of the bound%n", bound, 100 * fillsPerSecond / bound);
            out.printf("Execution Service calls               %,.0f calls/s (compare ./platform probe's capacity, pairs/s x 2)%n", calls / seconds);
            out.printf("Execution Service calls per fill      %.3f%n", (double) calls / fills);
            out.printf("API latency p95 (client side)         %.2f ms%n", p95Millis);
            out.printf("backlog at the end (published - decided) %,d fills%n", backlog);
            out.printf("JVM peak heap used / process RSS      %,d MiB / %,d MiB (one JVM: Flink, Kafka broker, simulator)%n",
                    peakHeapBytes >> 20, rssBytes >> 20);
        }
    }

    private final PrometheusScrape metrics;
    private long peakHeap;

    BenchmarkRun(PrometheusScrape metrics) {
        this.metrics = metrics;
    }

    /** A published backlog of {@code total} fills, measured from {@code warmup} decided fills to the last. */
    Figures drain(int total, int warmup) throws InterruptedException {
        awaitDecided(warmup);
        Sample start = sample();
        awaitDecided(total);
        return figures("draining a backlog", start, sample(), 0);
    }

    /** Fills published at a steady rate, measured over {@code window} after {@code warmup}. */
    Figures sustain(Duration warmup, Duration window, LongSupplier published) throws InterruptedException {
        sleepSampling(warmup);
        Sample start = sample();
        sleepSampling(window);
        Sample end = sample();
        return figures("publishing at a steady rate", start, end, published.getAsLong() - end.decided());
    }

    private Figures figures(String mode, Sample start, Sample end, long backlog) {
        double p50 = metrics.max(ConfirmationMetricNames.API_LATENCY_MICROS, ConfirmationMetricNames.P50).orElse(Double.NaN) / 1000;
        double p95 = metrics.max(ConfirmationMetricNames.API_LATENCY_MICROS, ConfirmationMetricNames.P95).orElse(Double.NaN) / 1000;
        return new Figures(mode, end.decided - start.decided, (end.nanos - start.nanos) / 1e9, end.calls - start.calls,
                p50, p95, peakHeap, residentBytes(), backlog);
    }

    private record Sample(long nanos, long decided, long calls) {}

    private Sample sample() {
        return new Sample(System.nanoTime(), decided(), (long) metrics.sum(ConfirmationMetricNames.API_CALLS));
    }

    /** Polls every two seconds: a scrape of all of Flink's metrics costs CPU the job would miss. */
    private void awaitDecided(long count) throws InterruptedException {
        while (decided() < count) {
            sleepSampling(Duration.ofSeconds(2));
        }
    }

    private void sleepSampling(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(Math.min(250, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            peakHeap = Math.max(peakHeap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
    }

    private long decided() {
        return (long) metrics.sum(ConfirmationMetricNames.DECIDED);
    }

    private static long residentBytes() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .findFirst().orElse(-1);
        } catch (Exception e) {
            return -1;
        }
    }
}
