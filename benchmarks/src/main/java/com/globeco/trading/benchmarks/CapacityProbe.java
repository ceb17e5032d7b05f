package com.globeco.trading.benchmarks;

import com.globeco.trading.execution.ExecutionAnswer;
import com.globeco.trading.execution.ExecutionState;
import com.globeco.trading.execution.ExecutionUpdate;
import com.globeco.trading.operators.execution.ExecutionServiceClient;
import com.globeco.trading.testkit.execution.ExecutionServiceSimulator;
import com.globeco.trading.testkit.execution.Latency;
import com.globeco.trading.testkit.execution.NewExecution;
import com.globeco.trading.testkit.fills.ExecutionRegistry;
import org.apache.flink.util.ParameterTool;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./platform probe [--execution-service.url URL] [--clients 10] [--seconds 30] [--warmup-seconds 5]}: the
 * Execution Service's own capacity for what the fill-confirmation job asks of it, a GET then a PUT of new totals with the
 * version the GET gave, from {@code clients} callers at once (the job's {@code max-concurrent-calls}) through the job's
 * HTTP client, on executions the probe creates. Prints pairs/s and latency percentiles, warm (after the warm-up). Without
 * a URL it probes the simulator at 5 ms, to show the output.
 */
public final class CapacityProbe {
    private CapacityProbe() {}

    public static void main(String[] args) throws Exception {
        ParameterTool arguments = ParameterTool.fromArgs(args);
        int clients = arguments.getInt("clients", 10);
        Duration measured = Duration.ofSeconds(arguments.getInt("seconds", 30));
        Duration warmUp = Duration.ofSeconds(arguments.getInt("warmup-seconds", 5));
        Optional<ExecutionServiceSimulator> simulator = arguments.has("execution-service.url") ? Optional.empty()
                : Optional.of(ExecutionServiceSimulator.start());
        simulator.ifPresent(sim -> sim.setLatency(Latency.fixed(Duration.ofMillis(5))));
        URI service = simulator.map(ExecutionServiceSimulator::baseUri).orElseGet(() -> URI.create(arguments.get("execution-service.url")));
        try (ExecutionServiceClient client = new ExecutionServiceClient(service, Duration.ofSeconds(5), clients)) {
            Result result = probe(client, ExecutionRegistry.overHttp(service), clients, warmUp, measured);
            result.print(service, clients, measured, warmUp);
        } finally {
            simulator.ifPresent(ExecutionServiceSimulator::close);
        }
    }

    static Result probe(ExecutionServiceClient client, ExecutionRegistry registry, int clients, Duration warmUp, Duration measured)
            throws InterruptedException {
        List<Caller> callers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            callers.add(new Caller(client, registry.create(NewExecution.of("BUY", "68336002fe95851f0a2aeda9", 1_000_000))));
        }
        long start = System.nanoTime();
        long recordFrom = start + warmUp.toNanos();
        long end = recordFrom + measured.toNanos();
        List<Thread> threads = callers.stream().map(caller -> new Thread(() -> caller.run(recordFrom, end), "probe-caller")).toList();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        return Result.of(callers);
    }

    /** One caller: GET then PUT on its own execution, again and again, timing each pair. */
    private static final class Caller {
        private final ExecutionServiceClient client;
        private final long execution;
        private final List<Long> pairNanos = new ArrayList<>();
        private final List<Long> getNanos = new ArrayList<>();
        private int errors;

        Caller(ExecutionServiceClient client, long execution) {
            this.client = client;
            this.execution = execution;
        }

        void run(long recordFrom, long end) {
            long filled = 0;
            while (System.nanoTime() < end) {
                long started = System.nanoTime();
                ExecutionAnswer read = client.read(execution, null).orTimeout(10, TimeUnit.SECONDS).exceptionally(error -> new ExecutionAnswer.Unreachable(String.valueOf(error))).join();
                long afterGet = System.nanoTime();
                boolean ok = false;
                if (read instanceof ExecutionAnswer.Found found) {
                    ExecutionState state = found.execution();
                    filled++;
                    ExecutionAnswer written = client.write(execution, new ExecutionUpdate(BigDecimal.valueOf(filled), BigDecimal.TEN, state.version()), null)
                            .orTimeout(10, TimeUnit.SECONDS).exceptionally(error -> new ExecutionAnswer.Unreachable(String.valueOf(error))).join();
                    ok = written instanceof ExecutionAnswer.Found;
                }
                long finished = System.nanoTime();
                if (started >= recordFrom) {
                    if (ok) {
                        pairNanos.add(finished - started);
                        getNanos.add(afterGet - started);
                    } else {
                        errors++;
                    }
                }
            }
        }
    }

    record Result(long[] pairNanos, long[] getNanos, int errors) {
        static Result of(List<Caller> callers) {
            return new Result(sorted(callers.stream().flatMap(caller -> caller.pairNanos.stream()).toList()),
                    sorted(callers.stream().flatMap(caller -> caller.getNanos.stream()).toList()),
                    callers.stream().mapToInt(caller -> caller.errors).sum());
        }

        private static long[] sorted(List<Long> samples) {
            long[] values = samples.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(values);
            return values;
        }

        double pairsPerSecond(Duration measured) {
            return pairNanos.length / (measured.toNanos() / 1e9);
        }

        double millis(long[] values, double quantile) {
            return values.length == 0 ? Double.NaN : values[Math.min(values.length - 1, (int) (quantile * values.length))] / 1e6;
        }

        void print(URI service, int clients, Duration measured, Duration warmUp) {
            double pairs = pairsPerSecond(measured);
            System.out.printf("%n== Execution Service capacity: %s, %d callers, GET then PUT (warm: after %d s) ==%n", service, clients,
                    warmUp.toSeconds());
            System.out.printf("%-34s %,d in %d s%n", "GET+PUT pairs", pairNanos.length, measured.toSeconds());
            System.out.printf("%-34s %,.0f pairs/s (%,.0f calls/s)%n", "capacity", pairs, 2 * pairs);
            System.out.printf("%-34s %.1f / %.1f / %.1f ms%n", "pair latency p50 / p95 / p99", millis(pairNanos, 0.5), millis(pairNanos, 0.95),
                    millis(pairNanos, 0.99));
            System.out.printf("%-34s %.1f ms%n", "GET latency p50", millis(getNanos, 0.5));
            System.out.printf("%-34s %d%n", "errors (not 200)", errors);
            System.out.printf("%-34s %,.0f fills/s needing a GET and a PUT (%d / pair p50); fills with a cached version need the PUT only%n",
                    "job bound at " + clients + " calls in flight", clients / (millis(pairNanos, 0.5) / 1000), clients);
        }
    }
}
