package com.globeco.trading.local;

import com.globeco.trading.testkit.execution.ExecutionServiceSimulator;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Samples the job's decision counters once a second and takes figures between warm-up and the end. */
final class BenchmarkRun {
    record Figures(long fills, double seconds, long calls, double p95Millis, long peakHeapBytes, long rssBytes) {

        void print(PrintStream out, int maxCalls, int latencyMillis, boolean durable) {
            double bound = maxCalls * 1000.0 / latencyMillis;
            double fillsPerSecond = fills / seconds;
            out.printf("%n== fill-confirmation benchmark (warm: figures after the warm-up fills) ==%n");
            out.printf("Execution Service simulator latency   %d ms fixed%n", latencyMillis);
            out.printf("Postgres durability                   %s%n", durable ? "fsync on, synchronous_commit on" : "fsync off (FAST)");
            out.printf("fills measured                        %,d in %.1f s%n", fills, seconds);
            out.printf("throughput                            %,.0f fills/s%n", fillsPerSecond);
            out.printf("bound (max calls / latency)           %,.0f calls/s -> %.0f%% of the bound%n", bound, 100 * fillsPerSecond / bound);
            out.printf("Execution Service calls per fill      %.3f%n", (double) calls / fills);
            out.printf("API latency p95 (client side)         %.2f ms%n", p95Millis);
            out.printf("JVM peak heap used / process RSS      %,d MiB / %,d MiB (one JVM: Flink, Kafka broker, simulator)%n",
                    peakHeapBytes >> 20, rssBytes >> 20);
        }
    }

    private final ExecutionServiceSimulator simulator;
    private final PrometheusScrape metrics;
    private long peakHeap;

    BenchmarkRun(ExecutionServiceSimulator simulator, PrometheusScrape metrics) {
        this.simulator = simulator;
        this.metrics = metrics;
    }

    Figures measure(int total, int warmup) throws Exception {
        awaitDecided(warmup);
        long startNanos = System.nanoTime();
        long startDecided = decided();
        long startCalls = calls();
        awaitDecided(total);
        long endNanos = System.nanoTime();
        long fills = decided() - startDecided;
        double p95 = metrics.max(ConfirmationMetricNames.API_LATENCY_MICROS, ConfirmationMetricNames.P95).orElse(Double.NaN) / 1000;
        return new Figures(fills, (endNanos - startNanos) / 1e9, calls() - startCalls, p95, peakHeap, residentBytes());
    }

    private void awaitDecided(long count) throws InterruptedException {
        while (decided() < count) {
            Thread.sleep(250);
            peakHeap = Math.max(peakHeap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
    }

    private long decided() {
        return (long) metrics.sum(ConfirmationMetricNames.DECIDED);
    }

    private long calls() {
        return simulator.requests("GET") + simulator.requests("PUT");
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
