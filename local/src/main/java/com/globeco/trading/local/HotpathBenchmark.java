package com.globeco.trading.local;

import com.globeco.trading.jobs.TradeHotpathJob;
import com.globeco.trading.jobs.TradeHotpathOptions;
import com.globeco.trading.testkit.trades.TradeGenerator;
import com.globeco.trading.testkit.trades.TradePublisher;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Trade-hotpath throughput and latency through the whole exactly-once job (Kafka in, RocksDB state,
 * XA writes to the event and snapshot stores, four transactional Kafka outputs), measured after a warm-up.
 * <ul>
 *   <li>{@code --mode drain}: trades published first, then drained: the most trades/s the job sustains;
 *       {@code ./platform hotpath-benchmark --mode drain --trades 300000 --warmup-trades 60000}</li>
 *   <li>{@code --mode sustained} (default): trades published at {@code --rate} while the job runs; latency
 *       from the Kafka record's timestamp to the event leaving the position operator, p50 and p99;
 *       {@code ./platform hotpath-benchmark --rate 1000 --warmup-seconds 60 --seconds 60}</li>
 * </ul>
 * {@code --contracts off} runs the job without contract generation, to put a number on its cost.
 */
public final class HotpathBenchmark {
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final String APPLIED = "_tradesApplied";
    private static final String LATENCY = "tradeToEventLatencyMillis";

    private HotpathBenchmark() {}

    public static void main(String[] args) throws Exception {
        ParameterTool arguments = ParameterTool.fromArgs(args);
        String mode = arguments.get("mode", "sustained");
        int positions = arguments.getInt("positions", 2_000);
        String contracts = arguments.get("contracts", "on");
        PlatformOptions options = PlatformOptions.from(withDurablePostgres(args));
        PrintStream console = ConsoleAndLogFile.redirectStdoutTo(options.dataDirectory().resolve("hotpath-benchmark.log"));
        PrometheusScrape metrics = new PrometheusScrape(9249);

        try (PlatformStack stack = new PlatformStack(options)) {
            String prefix = "bench" + System.currentTimeMillis() + ".";
            TradeHotpathOptions hotpath = TradeHotpathOptions.from(stack.jobArguments("--hotpath.topic-prefix", prefix,
                    "--contract-service.url", stack.contractService().toString(),
                    "--contract-service.enabled", String.valueOf(!contracts.equals("off"))));
            stack.ensureTopics(hotpath.topics());
            TradeGenerator generator = new TradeGenerator(11, "B", positions);
            try (TradePublisher publisher = new TradePublisher(stack.kafkaBootstrapServers(), hotpath.topic("trade-events"))) {
                if (mode.equals("drain")) {
                    int trades = arguments.getInt("trades", 300_000);
                    for (int trade = 0; trade < trades; trade++) {
                        publisher.publish(generator.next(LocalDate.now(ZONE)));
                    }
                    console.printf("published %,d trades over %,d positions%n", trades, positions);
                    try (JobRun job = JobRun.start(options, hotpath)) {
                        awaitApplied(metrics, arguments.getInt("warmup-trades", 60_000));
                        long startNanos = System.nanoTime();
                        CpuTime startCpu = CpuTime.now();
                        double startApplied = metrics.sum(APPLIED);
                        awaitApplied(metrics, trades * 99L / 100);
                        double applied = metrics.sum(APPLIED) - startApplied;
                        double seconds = (System.nanoTime() - startNanos) / 1e9;
                        CpuTime endCpu = CpuTime.now();
                        console.printf("%n== trade hotpath, draining a backlog (warm: after %,d trades), contract generation %s ==%n",
                                arguments.getInt("warmup-trades", 60_000), contracts);
                        console.printf("trades applied                        %,.0f in %.1f s%n", applied, seconds);
                        console.printf("throughput                            %,.0f trades/s%n", applied / seconds);
                        console.printf("CPU per trade                         %s%n", endCpu.perUnit(startCpu, applied, "trade"));
                    }
                } else {
                    double rate = arguments.getDouble("rate", 1000);
                    try (JobRun job = JobRun.start(options, hotpath)) {
                        publisher.publishContinuously(generator, rate, ZONE);
                        Thread.sleep(arguments.getInt("warmup-seconds", 60) * 1000L);
                        double startApplied = metrics.sum(APPLIED);
                        long startNanos = System.nanoTime();
                        CpuTime startCpu = CpuTime.now();
                        List<Double> p50s = new ArrayList<>();
                        List<Double> p99s = new ArrayList<>();
                        long end = startNanos + arguments.getInt("seconds", 60) * 1_000_000_000L;
                        while (System.nanoTime() < end) {
                            Thread.sleep(5_000);
                            metrics.max(LATENCY, "quantile=\"0.5\"").ifPresent(p50s::add);
                            metrics.max(LATENCY, "quantile=\"0.99\"").ifPresent(p99s::add);
                        }
                        double applied = metrics.sum(APPLIED) - startApplied;
                        double seconds = (System.nanoTime() - startNanos) / 1e9;
                        console.printf("%n== trade hotpath at a steady %,.0f trades/s (warm: after %d s), contract generation %s ==%n", rate,
                                arguments.getInt("warmup-seconds", 60), contracts);
                        console.printf("trades applied                        %,.0f in %.1f s (%,.0f trades/s)%n", applied, seconds, applied / seconds);
                        console.printf("latency p50, Kafka timestamp -> event %s ms (each 5 s sample: last 4,096 trades per subtask)%n", p50s);
                        console.printf("latency p99, Kafka timestamp -> event %s ms%n", p99s);
                        console.printf("CPU per trade                         %s%n", CpuTime.now().perUnit(startCpu, applied, "trade"));
                    }
                }
            }
            console.printf("Postgres durability                   %s%n", options.durablePostgres() ? "fsync on, synchronous_commit on" : "fsync off");
        }
        System.exit(0);
    }

    private static void awaitApplied(PrometheusScrape metrics, long count) throws InterruptedException {
        while (metrics.sum(APPLIED) < count) {
            Thread.sleep(2_000);
        }
    }

    private static String[] withDurablePostgres(String[] args) {
        if (Arrays.asList(args).contains("--postgres.durable")) {
            return args;
        }
        String[] extended = Arrays.copyOf(args, args.length + 2);
        extended[args.length] = "--postgres.durable";
        extended[args.length + 1] = "true";
        return extended;
    }

    private record JobRun(JobClient client) implements AutoCloseable {
        static JobRun start(PlatformOptions options, TradeHotpathOptions hotpath) throws Exception {
            StreamExecutionEnvironment env = LocalFlink.environmentReporting(options, "1 s", APPLIED.substring(1), LATENCY);
            TradeHotpathJob.define(env, hotpath.wiring());
            return new JobRun(env.executeAsync(TradeHotpathJob.NAME));
        }

        @Override
        public void close() throws Exception {
            client.cancel().get(30, TimeUnit.SECONDS);
        }
    }
}
