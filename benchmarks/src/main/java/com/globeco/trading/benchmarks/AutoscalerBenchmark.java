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
import org.apache.flink.util.ParameterTool;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The autoscaler on the trade hotpath, as {@code k8s-operator/trade-hotpath.yaml} enables it, proven on a standalone
 * cluster of processes: the hotpath's shaded jar under the adaptive scheduler, the operator's autoscaler in a process of
 * its own against the cluster's REST API, and the offered trade load stepped from low to high and back. Every sample
 * prints the offered rate, the parallelism of each of the job's vertices, the trade topic's consumer lag and the p99
 * trade-to-event latency; the summary gives the time to scale up and down and the lag before and after each step.
 * {@code ./platform autoscale-benchmark [--low 100] [--high 1000] [--warmup-seconds 90] [--phase-seconds 180] [--task-managers 4]}; the
 * autoscaler starts after the warm-up, so that the job's first minute (JIT, RocksDB, Kafka transactions) is not a load.
 */
public final class AutoscalerBenchmark {
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final Duration SAMPLE = Duration.ofSeconds(5);
    private static final String LATENCY = "tradeToEventLatencyMillis";
    private final ParameterTool arguments;
    private final PlatformOptions options;
    private final PrintStream console;
    private final String run = "A" + System.currentTimeMillis();

    private AutoscalerBenchmark(String[] args) throws IOException {
        arguments = ParameterTool.fromArgs(args);
        options = PlatformOptions.from(args);
        console = ConsoleAndLogFile.redirectStdoutTo(options.dataDirectory().resolve("autoscale-benchmark.log"));
    }

    public static void main(String[] args) throws Exception {
        new AutoscalerBenchmark(args).run();
        System.exit(0);
    }

    /**
     * The hotpath's deployed settings (checkpoints, the changelog state backend under {@code workDir}) and the adaptive
     * scheduler, which rescales a running job to the resource requirements the autoscaler sets.
     */
    static Map<String, String> adaptiveScheduler(Path workDir) {
        Map<String, String> settings = new LinkedHashMap<>(LocalFlink.hotpathSettings(workDir).toMap());
        settings.put("jobmanager.scheduler", "adaptive");
        settings.put("jobmanager.adaptive-scheduler.executing.cooldown-after-rescaling", "10 s");
        settings.put("jobmanager.adaptive-scheduler.executing.resource-stabilization-timeout", "5 s");
        settings.put("jobmanager.adaptive-scheduler.rescale-trigger.max-delay", "10 s");
        return settings;
    }

    /** The targets of trade-hotpath.yaml, with windows short enough for a benchmark of minutes. */
    private Map<String, String> autoscaler() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("job.autoscaler.enabled", "true");
        settings.put("job.autoscaler.scaling.enabled", "true");
        settings.put("job.autoscaler.target.utilization", "0.6");
        settings.put("job.autoscaler.target.utilization.boundary", "0.2");
        settings.put("job.autoscaler.catch-up.duration", "30s");
        settings.put("job.autoscaler.restart.time", "15s");
        settings.put("job.autoscaler.vertex.min-parallelism", "1");
        settings.put("job.autoscaler.vertex.max-parallelism", arguments.get("max-parallelism", "4"));
        settings.put("job.autoscaler.metrics.window", arguments.get("metrics-window", "30s"));
        settings.put("job.autoscaler.stabilization.interval", arguments.get("stabilization", "20s"));
        settings.put("job.autoscaler.scale-down.interval", arguments.get("scale-down-interval", "30s"));
        settings.put("job.autoscaler.scaling.event.interval", "10s");
        settings.put("autoscaler.standalone.control-loop.interval", "10s");
        return settings;
    }

    private void run() throws Exception {
        int taskManagers = arguments.getInt("task-managers", 4);
        Duration phase = Duration.ofSeconds(arguments.getInt("phase-seconds", 180));
        double low = arguments.getDouble("low", 100);
        Step warmUp = new Step("warm-up", low, Duration.ofSeconds(arguments.getInt("warmup-seconds", 90)));
        List<Step> steps = List.of(new Step("low", low, phase), new Step("high", arguments.getDouble("high", 1000), phase),
                new Step("low again", low, phase));
        Path workDir = options.dataDirectory().resolve("autoscale-cluster-" + run);
        try (PlatformStack stack = new PlatformStack(options);
             StandaloneCluster cluster = StandaloneCluster.start(FlinkLib.fromBuild(), Path.of(System.getProperty("flink.conf.dir", "flink-conf")),
                     workDir, options.webUiPort(), taskManagers, adaptiveScheduler(workDir), PATIENCE)) {
            String[] jobArguments = stack.jobArguments("--hotpath.topic-prefix", run + ".", "--contract-service.url", stack.contractService().toString());
            TradeHotpathOptions hotpath = TradeHotpathOptions.from(jobArguments);
            stack.ensureTopics(hotpath.topics());
            String job = cluster.rest().run(cluster.rest().upload(ProcessCluster.shadedJobJar()), TradeHotpathJob.class.getName(),
                    Arrays.asList(jobArguments), 1, null, Map.of());
            try (ConsumerLag lag = new ConsumerLag(stack.kafkaBootstrapServers(), hotpath.consumerGroup(), hotpath.topic("trade-events"))) {
                console.printf("%n== autoscaler on the trade hotpath: %d TaskManagers (slots as flink-conf/config.yaml), adaptive scheduler, from parallelism 1 ==%n",
                        taskManagers);
                autoscaler().forEach((key, value) -> console.printf("autoscaler setting  %s: %s%n", key, value));
                Sampling sampling = new Sampling(stack, hotpath, cluster, job, lag);
                console.printf("%7s  %-9s  %8s  %-40s  %8s  %8s%n", "seconds", "step", "offered", "parallelism (max, per vertex)", "lag", "p99 ms");
                sampling.offer(warmUp);
                try (AutoscalerProcess autoscaler = AutoscalerProcess.start(cluster.rest().base(), autoscaler(), workDir.resolve("autoscaler.log"))) {
                    console.printf("-- the autoscaler starts --%n");
                    for (Step step : steps) {
                        sampling.offer(step);
                    }
                }
                new ScalingSummary(sampling.samples, steps).print(console);
                console.printf("autoscaler log: %s%n", workDir.resolve("autoscaler.log"));
            }
        }
    }

    /** Offers each step's load and samples the job meanwhile. */
    private final class Sampling {
        private final PlatformStack stack;
        private final TradeHotpathOptions hotpath;
        private final StandaloneCluster cluster;
        private final String job;
        private final ConsumerLag lag;
        private final List<Sample> samples = new ArrayList<>();
        private final long started = System.nanoTime();

        Sampling(PlatformStack stack, TradeHotpathOptions hotpath, StandaloneCluster cluster, String job, ConsumerLag lag) {
            this.stack = stack;
            this.hotpath = hotpath;
            this.cluster = cluster;
            this.job = job;
            this.lag = lag;
        }

        void offer(Step step) throws Exception {
            try (TradePublisher publisher = new TradePublisher(stack.kafkaBootstrapServers(), hotpath.topic("trade-events"))
                    .publishContinuously(new TradeGenerator(7, run, 2_000), step.tradesPerSecond(), ZONE)) {
                long end = System.nanoTime() + step.length().toNanos();
                while (System.nanoTime() < end) {
                    Thread.sleep(SAMPLE.toMillis());
                    Sample sample = new Sample((System.nanoTime() - started) / 1e9, step, cluster.rest().vertexParallelism(job),
                            lag.messages(), new PrometheusScrape(endpoints(cluster)).max(LATENCY, "quantile=\"0.99\"").orElse(Double.NaN));
                    samples.add(sample);
                    console.println(sample);
                }
            }
        }
    }

    private static List<java.net.URI> endpoints(StandaloneCluster cluster) {
        return cluster.taskManagers().stream().filter(FlinkProcess::isAlive).map(FlinkProcess::prometheusEndpoint).toList();
    }

    /** A stretch of constant offered load. */
    record Step(String name, double tradesPerSecond, Duration length) {
    }

    /** What one sample saw. */
    record Sample(double seconds, Step step, Map<String, Integer> parallelism, long lag, double p99Millis) {
        int maxParallelism() {
            return parallelism.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }

        @Override
        public String toString() {
            return String.format("%7.0f  %-9s  %8.0f  %-40s  %8d  %8.0f", seconds, step.name(), step.tradesPerSecond(),
                    maxParallelism() + " " + parallelism.values(), lag, p99Millis);
        }
    }
}
