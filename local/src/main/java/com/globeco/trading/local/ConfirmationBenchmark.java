package com.globeco.trading.local;

import com.globeco.trading.jobs.FillConfirmationJob;
import com.globeco.trading.jobs.FillConfirmationOptions;
import com.globeco.trading.operators.fills.ConfirmationSettings;
import com.globeco.trading.testkit.execution.ExecutionServiceSimulator;
import com.globeco.trading.testkit.fills.FillGenerator;
import com.globeco.trading.testkit.fills.FillPublisher;
import com.globeco.trading.testkit.fills.GeneratedExecution;
import com.globeco.trading.testkit.fills.Interleaving;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Fill-confirmation throughput against the simulated Execution Service at a fixed latency.
 * Fills are published first, then the job drains them; figures are taken after a warm-up
 * (the JIT's, the connection pool's, RocksDB's), over the rest of the backlog.
 *
 * <p>{@code ./platform benchmark --fills 60000 --warmup-fills 15000 --simulator.latency-ms 5}
 */
public final class ConfirmationBenchmark {
    private ConfirmationBenchmark() {}

    public static void main(String[] args) throws Exception {
        ParameterTool arguments = ParameterTool.fromArgs(args);
        int fills = arguments.getInt("fills", 60_000);
        int warmupFills = arguments.getInt("warmup-fills", 15_000);
        int maxCalls = arguments.getInt("max-concurrent-calls", 10);
        PlatformOptions options = PlatformOptions.from(withDefault(args, "--postgres.durable", "true"));
        PrintStream console = ConsoleAndLogFile.redirectStdoutTo(options.dataDirectory().resolve("benchmark.log"));

        try (PlatformStack stack = new PlatformStack(options)) {
            ExecutionServiceSimulator simulator = stack.simulator()
                    .orElseThrow(() -> new IllegalArgumentException("the benchmark runs against the simulator"));
            String topic = "bench-fills-" + System.currentTimeMillis();
            stack.ensureTopics(topic, topic + ".dlq");
            List<GeneratedExecution> executions = generate(fills, new FillGenerator(7, stack.executionRegistry()));
            List<String> messages = Interleaving.interleave(executions, 7);
            long publishStart = System.nanoTime();
            try (FillPublisher publisher = new FillPublisher(stack.kafkaBootstrapServers(), topic)) {
                publisher.publish(messages);
            }
            console.printf("published %,d fills of %,d executions in %.1f s%n", messages.size(), executions.size(),
                    (System.nanoTime() - publishStart) / 1e9);

            StreamExecutionEnvironment env = LocalFlink.environment(options, "1 s");
            FillConfirmationOptions job = FillConfirmationOptions.from(
                    "--kafka.bootstrap-servers", stack.kafkaBootstrapServers(), "--fills.topic", topic,
                    "--fills.dead-letter-topic", topic + ".dlq", "--fills.transactional-id-prefix", topic,
                    "--postgres.url", stack.postgres().jdbcUrl(), "--postgres.user", stack.postgres().user(),
                    "--postgres.password", stack.postgres().password());
            FillConfirmationJob.define(env, job.source(), job.auditSink(), job.deadLetterSink(),
                    ConfirmationSettings.defaults(stack.executionService()).withMaxCallsInFlight(maxCalls));
            JobClient client = env.executeAsync(FillConfirmationJob.NAME);
            try {
                BenchmarkRun run = new BenchmarkRun(simulator, new PrometheusScrape(9249));
                BenchmarkRun.Figures figures = run.measure(messages.size(), warmupFills);
                figures.print(console, maxCalls, options.simulatorLatencyMillis(), options.durablePostgres());
                console.printf("executions holding the oracle's totals: %,d of %,d%n",
                        matchingOracle(simulator, executions), executions.size());
            } finally {
                client.cancel().get(30, TimeUnit.SECONDS);
            }
        }
        System.exit(0);
    }

    private static List<GeneratedExecution> generate(int fills, FillGenerator generator) {
        List<GeneratedExecution> executions = new ArrayList<>();
        int generated = 0;
        while (generated < fills) {
            GeneratedExecution execution = generator.nextExecution();
            executions.add(execution);
            generated += execution.fillsJson().size();
        }
        return executions;
    }

    private static long matchingOracle(ExecutionServiceSimulator simulator, List<GeneratedExecution> executions) {
        return executions.stream()
                .filter(execution -> simulator.execution(execution.executionServiceId())
                        .filter(stored -> stored.quantityFilled().compareTo(execution.expectedQuantityFilled()) == 0)
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
