package com.globeco.trading.benchmarks;

import com.globeco.trading.cluster.FlinkLib;
import com.globeco.trading.cluster.FlinkProcess;
import com.globeco.trading.cluster.StandaloneCluster;
import com.globeco.trading.jobs.TradeHotpathJob;
import com.globeco.trading.jobs.TradeHotpathOptions;
import com.globeco.trading.local.ConsoleAndLogFile;
import com.globeco.trading.local.LocalFlink;
import com.globeco.trading.local.PlatformOptions;
import com.globeco.trading.local.PlatformStack;
import com.globeco.trading.local.ProcessCluster;
import com.globeco.trading.local.PrometheusScrape;
import com.globeco.trading.testkit.trades.TradeGenerator;
import com.globeco.trading.testkit.trades.TradePublisher;
import com.globeco.trading.testkit.trades.Trades;
import org.apache.flink.util.ParameterTool;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The trade hotpath's drain at growing parallelism on a standalone cluster of processes, as deployed: the shaded job
 * jar, TaskManagers of two slots each (one for parallelism 1 and 2, two for 4), durable Postgres, the hotpath's deployed settings (its checkpoint interval, the changelog state backend).
 * Each parallelism drains its own backlog on topics and accounts of its own, in a cluster of its own; the table gives
 * trades/s and the machine's CPU per trade.
 * {@code ./platform scaling-benchmark [--parallelism 1,2,4] [--trades 100000] [--warmup-trades 30000] [--positions 2000] [--contracts on]}
 */
public final class ScalingBenchmark {
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final String APPLIED = "_tradesApplied";
    private static final int SLOTS_PER_TASK_MANAGER = 2;
    private final ParameterTool arguments;
    private final PlatformOptions options;
    private final PrintStream console;
    private final String run = "S" + System.currentTimeMillis();

    private ScalingBenchmark(String[] args) throws IOException {
        arguments = ParameterTool.fromArgs(args);
        options = PlatformOptions.from(HotpathBenchmark.withDurablePostgres(args));
        console = ConsoleAndLogFile.redirectStdoutTo(options.dataDirectory().resolve("scaling-benchmark.log"));
    }

    public static void main(String[] args) throws Exception {
        new ScalingBenchmark(args).run();
        System.exit(0);
    }

    private void run() throws Exception {
        List<Integer> parallelisms = Arrays.stream(arguments.get("parallelism", "1,2,4").split(",")).map(String::trim)
                .map(Integer::parseInt).toList();
        List<String> rows = new ArrayList<>();
        try (PlatformStack stack = new PlatformStack(options)) {
            for (int parallelism : parallelisms) {
                rows.add(drain(stack, parallelism));
            }
        }
        console.printf("%n== trade hotpath drain by parallelism: %,d trades after %,d warm, %,d positions, contract generation %s, "
                        + "checkpoints every %s, changelog state backend, Postgres fsync on, %d cores ==%n", trades(), warmupTrades(), positions(), contracts(),
                LocalFlink.HOTPATH_CHECKPOINT_INTERVAL, Runtime.getRuntime().availableProcessors());
        console.printf("%11s  %12s  %8s  %s%n", "parallelism", "TaskManagers", "trades/s", "CPU per trade");
        rows.forEach(console::println);
    }

    private String drain(PlatformStack stack, int parallelism) throws Exception {
        int taskManagers = (parallelism + SLOTS_PER_TASK_MANAGER - 1) / SLOTS_PER_TASK_MANAGER;
        String runId = run + "P" + parallelism;
        Path workDir = options.dataDirectory().resolve("scaling-cluster-" + runId);
        String[] jobArguments = stack.jobArguments("--hotpath.topic-prefix", runId + ".", "--contract-service.url", stack.contractService().toString(),
                "--contract-service.enabled", String.valueOf(!contracts().equals("off")));
        TradeHotpathOptions hotpath = TradeHotpathOptions.from(jobArguments);
        stack.ensureTopics(hotpath.topics());
        try (TradePublisher publisher = new TradePublisher(stack.kafkaBootstrapServers(), hotpath.topic("trade-events"))) {
            Trades generator = new TradeGenerator(11, runId, positions());
            for (int trade = 0; trade < trades(); trade++) {
                publisher.publish(generator.next(LocalDate.now(ZONE)));
            }
        }
        try (StandaloneCluster cluster = StandaloneCluster.start(FlinkLib.fromBuild(), Path.of(System.getProperty("flink.conf.dir", "flink-conf")),
                workDir, 0, taskManagers, LocalFlink.hotpathSettings(workDir).toMap(), PATIENCE)) {
            String job = cluster.rest().run(cluster.rest().upload(ProcessCluster.shadedJobJar()), TradeHotpathJob.class.getName(),
                    Arrays.asList(jobArguments), parallelism, null, Map.of());
            PrometheusScrape metrics = new PrometheusScrape(endpoints(cluster));
            awaitApplied(metrics, warmupTrades());
            long startNanos = System.nanoTime();
            CpuTime startCpu = CpuTime.now();
            double startApplied = metrics.sum(APPLIED);
            awaitApplied(metrics, trades() * 99L / 100);
            double applied = metrics.sum(APPLIED) - startApplied;
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            String row = String.format("%11d  %12d  %,8.0f  %s", parallelism, taskManagers, applied / seconds,
                    CpuTime.now().perUnit(startCpu, applied, "trade"));
            console.println(row);
            cluster.rest().cancel(job);
            return row;
        }
    }

    private void awaitApplied(PrometheusScrape metrics, long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (metrics.sum(APPLIED) < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the job applied only " + metrics.sum(APPLIED) + " of " + count + " trades in 20 minutes");
            }
            Thread.sleep(2_000);
        }
    }

    private static List<URI> endpoints(StandaloneCluster cluster) {
        return cluster.taskManagers().stream().filter(FlinkProcess::isAlive).map(FlinkProcess::prometheusEndpoint).toList();
    }

    private int trades() {
        return arguments.getInt("trades", 100_000);
    }

    private int warmupTrades() {
        return arguments.getInt("warmup-trades", 30_000);
    }

    private int positions() {
        return arguments.getInt("positions", 2_000);
    }

    private String contracts() {
        return arguments.get("contracts", "on");
    }
}
