package com.globeco.trading.local;

import com.globeco.trading.jobs.FillConfirmationJob;
import com.globeco.trading.jobs.FillConfirmationOptions;
import com.globeco.trading.operators.fills.ConfirmationSettings;
import com.globeco.trading.testkit.fills.ContinuousPublishing;
import com.globeco.trading.testkit.fills.FillGenerator;
import com.globeco.trading.testkit.fills.FillPublisher;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform on one machine: Kafka, Postgres and the Execution Service (embedded unless
 * pointed at real ones), generated fills, and the fill-confirmation job on a MiniCluster with
 * the Flink web UI and Prometheus metrics. Prints progress until Ctrl-C.
 */
public final class LocalPlatform {
    static final String FILLS = "fills";
    static final String DEAD_LETTERS = "fills.dlq";

    private LocalPlatform() {}

    public static void main(String[] args) throws Exception {
        PlatformOptions options = PlatformOptions.from(args);
        PrintStream console = ConsoleAndLogFile.redirectStdoutTo(options.dataDirectory().resolve("platform.log"));
        console.println("Starting Kafka, Postgres and the Execution Service (logs: "
                + options.dataDirectory().resolve("platform.log") + ")");
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested.countDown();
            awaitQuietly(stopped);
        }, "local-platform-shutdown"));

        try (PlatformStack stack = new PlatformStack(options)) {
            stack.ensureTopics(FILLS, DEAD_LETTERS);
            StreamExecutionEnvironment env = LocalFlink.environment(options, "5 s");
            FillConfirmationOptions job = jobOptions(stack);
            FillConfirmationJob.define(env, job.source(), job.auditSink(), job.deadLetterSink(),
                    ConfirmationSettings.defaults(stack.executionService()));
            JobClient client = env.executeAsync(FillConfirmationJob.NAME);
            try (FillPublisher publisher = new FillPublisher(stack.kafkaBootstrapServers(), FILLS).withRate(options.fillsPerSecond());
                 ContinuousPublishing publishing = publisher.publishContinuously(
                         new FillGenerator(System.currentTimeMillis(), stack.executionRegistry()), options.executionsInFlight())) {
                console.printf("Fill confirmation is RUNNING: Flink web UI http://localhost:%d, Prometheus http://localhost:9249/metrics%n",
                        options.webUiPort());
                console.printf("Kafka %s, Postgres %s, Execution Service %s; %s fills/s. Ctrl-C stops.%n",
                        stack.kafkaBootstrapServers(), stack.postgres().jdbcUrl(), stack.executionService(), options.fillsPerSecond());
                Progress progress = new Progress(console, stack.postgres(), new PrometheusScrape(9249), publishing::fillsPublished);
                while (!stopRequested.await(5, TimeUnit.SECONDS)) {
                    progress.report();
                }
                console.println("Stopping: fill generator, job, then Kafka and Postgres");
            } finally {
                client.cancel().get(30, TimeUnit.SECONDS);
            }
        } finally {
            stopped.countDown();
        }
    }

    private static FillConfirmationOptions jobOptions(PlatformStack stack) {
        return FillConfirmationOptions.from(
                "--kafka.bootstrap-servers", stack.kafkaBootstrapServers(),
                "--fills.topic", FILLS,
                "--fills.dead-letter-topic", DEAD_LETTERS,
                "--postgres.url", stack.postgres().jdbcUrl(),
                "--postgres.user", stack.postgres().user(),
                "--postgres.password", stack.postgres().password(),
                "--execution-service.url", stack.executionService().toString());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
