package com.globeco.trading.benchmarks;

import com.globeco.trading.jobs.TradeHotpathJob;
import com.globeco.trading.jobs.TradeHotpathOptions;
import com.globeco.trading.local.ConsoleAndLogFile;
import com.globeco.trading.local.LocalFlink;
import com.globeco.trading.local.PlatformOptions;
import com.globeco.trading.local.PlatformStack;
import com.globeco.trading.local.PrometheusScrape;
import com.globeco.trading.operators.positions.ContractServiceSettings;
import com.globeco.trading.testkit.trades.ManyLotsPosition;
import com.globeco.trading.testkit.trades.TradeGenerator;
import com.globeco.trading.testkit.trades.TradePublisher;
import com.globeco.trading.testkit.trades.Trades;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;

import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Trade-hotpath throughput and latency through the whole exactly-once job (Kafka in, RocksDB state,
 * two-phase writes to the event and snapshot stores, four transactional Kafka outputs), measured after a warm-up.
 * <ul>
 *   <li>{@code --mode drain}: trades published first, then drained: the most trades/s the job sustains;
 *       {@code ./platform hotpath-benchmark --mode drain --trades 200000 --warmup-trades 40000}</li>
 *   <li>{@code --mode sustained} (default): trades published at {@code --rate} while the job runs; latency
 *       from the Kafka record's timestamp to the event leaving the position operator, p50 and p99 per 5 s sample, and
 *       visibility: publish to snapshot row in Postgres and to the applied event for a {@code read_committed} consumer;
 *       {@code ./platform hotpath-benchmark --rate 1000 --warmup-seconds 60 --seconds 60}</li>
 * </ul>
 * {@code --contracts off} runs the job without contract generation, to put a number on its cost; in drain mode
 * {@code --contracts both --repeat N} drains N times with it and N times without, alternating, each drain a job of its
 * own on topics and accounts of its own, and prints the ratio of the throughputs, after {@code --warmup-drains 1} drain
 * with it that is not counted (the JVM's JIT warms up over the first drain: without it the first mode measured pays);
 * {@code --position-lots 1000} trades one position that holds about that many open lots instead of {@code --positions};
 * {@code --flink.<key> <value>} sets any Flink setting over the deployed ones (a lever to measure);
 * {@code --threads true} lists the JVM's busiest kinds of thread;
 * {@code --checkpoint-interval} and {@code --checkpoint-min-pause} (default as deployed: 250 ms, 50 ms) set when the
 * exactly-once sinks commit.
 */
public final class HotpathBenchmark {
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final String APPLIED = "_tradesApplied";
    private static final String LATENCY = "tradeToEventLatencyMillis";
    private static final String FLINK_SETTING = "flink.";
    private static final String BREAKER_STATE = "circuitBreakerState";
    private static final String CURRENT_DATED_MICROS = "currentDatedTradeMicros";
    private static final String BACKDATED_MICROS = "backdatedTradeMicros";
    private final ParameterTool arguments;
    private final PlatformOptions options;
    private final PrintStream console;
    private final PrometheusScrape metrics = new PrometheusScrape(9249);
    private final String contracts;
    private final String run = "B" + System.currentTimeMillis();
    private final Map<String, List<Double>> drains = new LinkedHashMap<>();

    private HotpathBenchmark(String[] args) throws IOException {
        this.arguments = ParameterTool.fromArgs(args);
        this.options = PlatformOptions.from(withDurablePostgres(args));
        this.console = ConsoleAndLogFile.redirectStdoutTo(options.dataDirectory().resolve("hotpath-benchmark.log"));
        this.contracts = arguments.get("contracts", "on");
    }

    public static void main(String[] args) throws Exception {
        new HotpathBenchmark(args).run();
        System.exit(0);
    }

    private void run() throws Exception {
        try (PlatformStack stack = new PlatformStack(options)) {
            if (arguments.get("mode", "sustained").equals("drain")) {
                List<String> modes = contracts.equals("both") ? List.of("on", "off") : List.of(contracts);
                for (int round = 1; round <= arguments.getInt("warmup-drains", modes.size() > 1 ? 1 : 0); round++) {
                    console.printf("%n-- warming the JVM up (JIT) with a drain that is not counted --%n");
                    drain(stack, modes.get(0), run + "W" + round, false);
                }
                for (int round = 1; round <= arguments.getInt("repeat", 1); round++) {
                    for (String mode : modes) {
                        drain(stack, mode, run + "R" + round + mode.toUpperCase(Locale.ROOT), true);
                    }
                }
                printRatio();
            } else {
                TradeHotpathOptions hotpath = hotpath(stack, contracts, run);
                try (TradePublisher publisher = new TradePublisher(stack.kafkaBootstrapServers(), hotpath.topic("trade-events"))) {
                    sustained(stack, hotpath, publisher);
                }
            }
            console.printf("Postgres durability                   %s%n", options.durablePostgres() ? "fsync on, synchronous_commit on" : "fsync off");
        }
    }

    private TradeHotpathOptions hotpath(PlatformStack stack, String mode, String runId) {
        TradeHotpathOptions hotpath = TradeHotpathOptions.from(stack.jobArguments("--hotpath.topic-prefix", runId + ".",
                "--contract-service.url", stack.contractService().toString(),
                "--contract-service.enabled", String.valueOf(!mode.equals("off")),
                "--contract-service.batch-size", arguments.get("contract-batch-size", String.valueOf(ContractServiceSettings.MOST_IN_A_BATCH))));
        stack.ensureTopics(hotpath.topics());
        return hotpath;
    }

    private void drain(PlatformStack stack, String mode, String runId, boolean counted) throws Exception {
        TradeHotpathOptions hotpath = hotpath(stack, mode, runId);
        int trades = arguments.getInt("trades", 300_000);
        int warmupTrades = arguments.getInt("warmup-trades", 60_000);
        try (TradePublisher publisher = new TradePublisher(stack.kafkaBootstrapServers(), hotpath.topic("trade-events"))) {
            Trades generator = trades(runId);
            for (int trade = 0; trade < trades; trade++) {
                publisher.publish(generator.next(LocalDate.now(ZONE)));
            }
        }
        console.printf("published %,d trades (%s)%n", trades, workload());
        try (JobRun job = start(hotpath)) {
            awaitApplied(warmupTrades);
            long startNanos = System.nanoTime();
            CpuTime startCpu = CpuTime.now();
            double startApplied = metrics.sum(APPLIED);
            ContractCounts startContracts = ContractCounts.scrape(metrics);
            awaitApplied(trades * 99L / 100);
            double applied = metrics.sum(APPLIED) - startApplied;
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            ContractCounts contractCounts = ContractCounts.scrape(metrics).since(startContracts);
            console.printf("%n== trade hotpath, draining a backlog (warm: after %,d trades), %s, contract generation %s, checkpoints every %s, min pause %s ==%n",
                    warmupTrades, workload(), mode, checkpointInterval(), checkpointMinPause());
            printFlinkSettings();
            console.printf("trades applied                        %,.0f in %.1f s%n", applied, seconds);
            console.printf("throughput                            %,.0f trades/s%n", applied / seconds);
            if (counted) {
                drains.computeIfAbsent(mode, any -> new ArrayList<>()).add(applied / seconds);
            }
            CpuTime endCpu = CpuTime.now();
            printCpu(startCpu, applied, endCpu);
            if (!mode.equals("off")) {
                console.printf("contracts while measured              %s%n", contractCounts);
            }
            console.printf("garbage collection                    %s%n", endCpu.collections(startCpu, seconds));
        }
        awaitJobMetricsGone();
    }

    private void printRatio() {
        List<Double> on = drains.getOrDefault("on", List.of());
        List<Double> off = drains.getOrDefault("off", List.of());
        if (!on.isEmpty() && !off.isEmpty()) {
            double onMean = on.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double offMean = off.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            console.printf("%n== contract generation on / off: %.1f %% (on %s, off %s trades/s, alternating) ==%n", 100 * onMean / offMean,
                    rounded(on), rounded(off));
        }
    }

    private static String rounded(List<Double> rates) {
        return rates.stream().map(rate -> String.format("%,.0f", rate)).toList().toString();
    }

    /** Waits until the finished job's metrics are gone, so the next job's start from zero. */
    private void awaitJobMetricsGone() throws InterruptedException {
        for (int second = 0; second < 60 && metrics.sum(APPLIED) > 0; second++) {
            Thread.sleep(1_000);
        }
    }

    private void sustained(PlatformStack stack, TradeHotpathOptions hotpath, TradePublisher publisher) throws Exception {
        double rate = arguments.getDouble("rate", 1000);
        int warmupSeconds = arguments.getInt("warmup-seconds", 60);
        try (JobRun job = start(hotpath);
             TradeVisibility visibility = new TradeVisibility(stack.postgres(), "ACC-" + run + "-", stack.kafkaBootstrapServers(),
                     hotpath.topic("trade-applied-events"))) {
            publisher.publishContinuously(trades(run), rate, ZONE, trade -> visibility.published(trade.positionKey(), System.currentTimeMillis()));
            Thread.sleep(warmupSeconds * 1000L);
            visibility.startMeasuring();
            double startApplied = metrics.sum(APPLIED);
            long startNanos = System.nanoTime();
            CpuTime startCpu = CpuTime.now();
            List<Double> p50s = new ArrayList<>();
            List<Double> p99s = new ArrayList<>();
            List<Double> breakers = new ArrayList<>();
            long end = startNanos + arguments.getInt("seconds", 60) * 1_000_000_000L;
            while (System.nanoTime() < end) {
                Thread.sleep(5_000);
                metrics.max(LATENCY, "quantile=\"0.5\"").ifPresent(p50s::add);
                metrics.max(LATENCY, "quantile=\"0.99\"").ifPresent(p99s::add);
                metrics.max(BREAKER_STATE, "service=\"contract_service\"").ifPresent(breakers::add);
            }
            double applied = metrics.sum(APPLIED) - startApplied;
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            CpuTime endCpu = CpuTime.now();
            Thread.sleep(3_000);
            console.printf("%n== trade hotpath at a steady %,.0f trades/s (warm: after %d s), %s, contract generation %s, checkpoints every %s, min pause %s ==%n",
                    rate, warmupSeconds, workload(), contracts, checkpointInterval(), checkpointMinPause());
            printFlinkSettings();
            console.printf("trades applied                        %,.0f in %.1f s (%,.0f trades/s)%n", applied, seconds, applied / seconds);
            console.printf("latency p50, Kafka timestamp -> event %s ms (each 5 s sample: last 4,096 trades per subtask)%n", p50s);
            console.printf("latency p99, Kafka timestamp -> event %s ms%n", p99s);
            console.printf("contract breaker (0 closed, 2 open)   %s%n", breakers);
            console.printf("apply and route, in the operator       current-dated p50 %s p99 %s us, backdated p50 %s p99 %s us (last 4,096 of each)%n",
                    micros(CURRENT_DATED_MICROS, "0.5"), micros(CURRENT_DATED_MICROS, "0.99"), micros(BACKDATED_MICROS, "0.5"),
                    micros(BACKDATED_MICROS, "0.99"));
            console.printf("visible after publish                 %s%n", visibility.report());
            printCpu(startCpu, applied, endCpu);
            console.printf("garbage collection                    %s%n", endCpu.collections(startCpu, seconds));
        }
    }

    private String micros(String histogram, String quantile) {
        return metrics.max(histogram, "quantile=\"" + quantile + "\"").stream().mapToObj(value -> String.format("%.0f", value)).findFirst().orElse("-");
    }

    private Trades trades(String runId) {
        int lots = arguments.getInt("position-lots", 0);
        return lots > 0 ? new ManyLotsPosition(runId, lots) : new TradeGenerator(11, runId, arguments.getInt("positions", 2_000));
    }

    private String workload() {
        int lots = arguments.getInt("position-lots", 0);
        return lots > 0 ? String.format("one position of about %,d open lots", lots)
                : String.format("%,d positions", arguments.getInt("positions", 2_000));
    }

    private String checkpointInterval() {
        return arguments.get("checkpoint-interval", LocalFlink.HOTPATH_CHECKPOINT_INTERVAL);
    }

    /**
     * The hotpath's deployed settings ({@link LocalFlink#hotpathSettings}) with the checkpoints' min pause, and any
     * {@code --flink.<key> <value>} argument as Flink setting {@code <key>}.
     */
    private Configuration flinkSettings() {
        Configuration settings = LocalFlink.hotpathSettings(options.dataDirectory());
        settings.removeKey("execution.checkpointing.interval");
        settings.setString("execution.checkpointing.min-pause", checkpointMinPause());
        arguments.toMap().forEach((name, value) -> {
            if (name.startsWith(FLINK_SETTING)) {
                settings.setString(name.substring(FLINK_SETTING.length()), value);
            }
        });
        return settings;
    }

    private String checkpointMinPause() {
        return arguments.get("checkpoint-min-pause", LocalFlink.HOTPATH_CHECKPOINT_MIN_PAUSE);
    }

    private void printFlinkSettings() {
        flinkSettings().toMap().forEach((key, value) -> console.printf("Flink setting                         %s: %s%n", key, value));
    }

    private void printCpu(CpuTime start, double applied, CpuTime end) {
        console.printf("CPU per trade                         %s%n", end.perUnit(start, applied, "trade"));
        console.printf("                                      %s%n", end.splitPerUnit(start, applied, "trade"));
        if (arguments.getBoolean("threads", false)) {
            console.printf("busiest threads of this JVM:%n%s%n", end.busiestThreads(start, applied, "trade", 25));
            console.printf("its GC, JIT and RocksDB threads (from /proc):%n%s%n", end.busiestNativeThreads(start, applied, "trade", 12));
        }
        console.printf("contracts since the start             %s%n", ContractCounts.scrape(metrics));
    }

    private void awaitApplied(long count) throws InterruptedException {
        while (metrics.sum(APPLIED) < count) {
            Thread.sleep(2_000);
        }
    }

    private JobRun start(TradeHotpathOptions hotpath) throws Exception {
        StreamExecutionEnvironment env = LocalFlink.environmentReporting(options, checkpointInterval(), flinkSettings(), Stream.of(APPLIED, LATENCY,
                ContractCounts.GENERATED, ContractCounts.DEFERRED, ContractCounts.RETRY_ATTEMPTS, ContractCounts.CALLS, ContractCounts.DEFERRALS, BREAKER_STATE, CURRENT_DATED_MICROS, BACKDATED_MICROS).map(name -> name.replaceFirst("^_", "")).toArray(String[]::new));
        TradeHotpathJob.define(env, hotpath.wiring());
        return new JobRun(env.executeAsync(TradeHotpathJob.NAME));
    }

    static String[] withDurablePostgres(String[] args) {
        if (Arrays.asList(args).contains("--postgres.durable")) {
            return args;
        }
        String[] extended = Arrays.copyOf(args, args.length + 2);
        extended[args.length] = "--postgres.durable";
        extended[args.length + 1] = "true";
        return extended;
    }

    private record JobRun(JobClient client) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            client.cancel().get(30, TimeUnit.SECONDS);
        }
    }
}
