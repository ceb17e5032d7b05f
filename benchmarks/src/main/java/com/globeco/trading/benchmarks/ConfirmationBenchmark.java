package com.globeco.trading.benchmarks;

import com.globeco.trading.execution.ExecutionAnswer;
import com.globeco.trading.jobs.FillConfirmationJob;
import com.globeco.trading.jobs.FillConfirmationOptions;
import com.globeco.trading.local.ConsoleAndLogFile;
import com.globeco.trading.local.LocalFlink;
import com.globeco.trading.local.PlatformOptions;
import com.globeco.trading.local.PlatformStack;
import com.globeco.trading.local.PrometheusScrape;
import com.globeco.trading.operators.execution.ExecutionServiceClient;
import com.globeco.trading.operators.fills.ConfirmationSettings;
import com.globeco.trading.testkit.execution.ExecutionServiceSimulator;
import com.globeco.trading.testkit.fills.ContinuousPublishing;
import com.globeco.trading.testkit.fills.FillGenerator;
import com.globeco.trading.testkit.fills.FillPublisher;
import com.globeco.trading.testkit.fills.GeneratedExecution;
import com.globeco.trading.testkit.fills.Interleaving;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * Fill-confirmation throughput against the simulated Execution Service at a fixed latency,
 * measured after a warm-up (the JIT's, the connection pool's, RocksDB's). Two modes:
 * <ul>
 *   <li>{@code --mode drain} (default): fills are published first, then the job drains the backlog;
 *       {@code ./platform benchmark --fills 60000 --warmup-fills 15000}</li>
 *   <li>{@code --mode sustained}: fills are published at {@code --rate} while the job runs, as the
 *       fix engine does; {@code ./platform benchmark --mode sustained --rate 1800 --seconds 60}</li>
 * </ul>
 */
public final class ConfirmationBenchmark {
    /** Threads creating executions before the run: a real service's POST takes milliseconds. */
    private static final int CREATORS = 8;
    private ConfirmationBenchmark() {}

    public static void main(String[] args) throws Exception {
        ParameterTool arguments = ParameterTool.fromArgs(args);
        String mode = arguments.get("mode", "drain");
        int maxCalls = arguments.getInt("max-concurrent-calls", 10);
        PlatformOptions options = PlatformOptions.from(withDefault(args, "--postgres.durable", "true"));
        PrintStream console = ConsoleAndLogFile.redirectStdoutTo(options.dataDirectory().resolve("benchmark.log"));

        try (PlatformStack stack = new PlatformStack(options)) {
            String topic = "bench-fills-" + System.currentTimeMillis();
            stack.ensureTopics(topic, topic + ".dlq");
            FillGenerator generator = new FillGenerator(7, stack.executionRegistry());
            BenchmarkRun run = new BenchmarkRun(new PrometheusScrape(9249));
            BenchmarkRun.Figures figures;
            try (FillPublisher publisher = new FillPublisher(stack.kafkaBootstrapServers(), topic)) {
                if (mode.equals("sustained")) {
                    publisher.withRate(arguments.getDouble("rate", 1800));
                    try (JobRun job = JobRun.start(stack, options, topic, maxCalls);
                         ContinuousPublishing publishing = publisher.publishContinuously(generator,
                                 arguments.getInt("executions-in-flight", 200))) {
                        figures = run.sustain(Duration.ofSeconds(arguments.getInt("warmup-seconds", 30)),
                                Duration.ofSeconds(arguments.getInt("seconds", 60)), publishing::fillsPublished);
                    }
                } else {
                    List<GeneratedExecution> executions = generator.executionsWithFills(arguments.getInt("fills", 60_000), CREATORS);
                    List<String> messages = Interleaving.interleave(executions, 7);
                    publisher.publish(messages);
                    console.printf("published %,d fills of %,d executions%n", messages.size(), executions.size());
                    try (JobRun job = JobRun.start(stack, options, topic, maxCalls)) {
                        figures = run.drain(messages.size(), arguments.getInt("warmup-fills", 15_000));
                    }
                    console.printf("executions holding the oracle's totals: %,d of %,d%n",
                            matchingOracle(storedQuantities(stack), executions), executions.size());
                }
            }
            figures.print(console, maxCalls, stack.simulator().isPresent() ? OptionalInt.of(options.simulatorLatencyMillis())
                    : OptionalInt.empty(), options.durablePostgres());
        }
        System.exit(0);
    }

    /** The fill-confirmation job on the local MiniCluster, cancelled on close. */
    private record JobRun(JobClient client) implements AutoCloseable {
        static JobRun start(PlatformStack stack, PlatformOptions options, String topic, int maxCalls) throws Exception {
            StreamExecutionEnvironment env = LocalFlink.environment(options, "1 s");
            FillConfirmationOptions job = FillConfirmationOptions.from(stack.jobArguments("--fills.topic", topic,
                    "--fills.dead-letter-topic", topic + ".dlq", "--fills.transactional-id-prefix", topic,
                    "--execution-service.url", stack.executionService().toString(),
                    "--execution-service.max-concurrent-calls", String.valueOf(maxCalls)));
            FillConfirmationJob.define(env, job.wiring());
            return new JobRun(env.executeAsync(FillConfirmationJob.NAME));
        }

        @Override
        public void close() throws Exception {
            client.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    /** What the service holds for an execution: the simulator's store, or a GET on a real service. */
    private static LongFunction<Optional<BigDecimal>> storedQuantities(PlatformStack stack) {
        if (stack.simulator().isPresent()) {
            ExecutionServiceSimulator simulator = stack.simulator().get();
            return id -> simulator.execution(id).map(stored -> stored.quantityFilled());
        }
        ExecutionServiceClient client = new ExecutionServiceClient(stack.executionService(), Duration.ofSeconds(10), 1);
        return id -> client.read(id, null).join() instanceof ExecutionAnswer.Found found
                ? Optional.of(found.execution().quantityFilled()) : Optional.empty();
    }

    private static long matchingOracle(LongFunction<Optional<BigDecimal>> stored, List<GeneratedExecution> executions) {
        return executions.stream()
                .filter(execution -> stored.apply(execution.executionServiceId())
                        .filter(quantity -> quantity.compareTo(execution.expectedQuantityFilled()) == 0)
                        .isPresent())
                .count();
    }

    private static String[] withDefault(String[] args, String name, String value) {
        if (List.of(args).contains(name)) {
            return args;
        }
        List<String> extended = new ArrayList<>(List.of(args));
        extended.add(name);
        extended.add(value);
        return extended.toArray(String[]::new);
    }
}
