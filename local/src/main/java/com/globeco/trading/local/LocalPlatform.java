package com.globeco.trading.local;

import com.globeco.trading.jobs.AllocationJob;
import com.globeco.trading.jobs.AllocationOptions;
import com.globeco.trading.jobs.FillConfirmationJob;
import com.globeco.trading.jobs.FillConfirmationOptions;
import com.globeco.trading.jobs.BackdatedColdpathJob;
import com.globeco.trading.jobs.BackdatedColdpathOptions;
import com.globeco.trading.jobs.RegulatoryReportingJob;
import com.globeco.trading.jobs.RegulatoryReportingOptions;
import com.globeco.trading.jobs.TradeHotpathJob;
import com.globeco.trading.jobs.TradeHotpathOptions;
import com.globeco.trading.operations.accounting.AccountingFileDispatcher;
import com.globeco.trading.operators.allocation.TradeServiceSettings;
import com.globeco.trading.operators.fills.ConfirmationSettings;
import com.globeco.trading.testkit.accounting.PortfolioAccountingCliSimulator;
import com.globeco.trading.testkit.fills.ContinuousPublishing;
import com.globeco.trading.testkit.fills.FillGenerator;
import com.globeco.trading.testkit.fills.FillPublisher;
import com.globeco.trading.testkit.trades.MarketDataFeed;
import com.globeco.trading.testkit.trades.TradeGenerator;
import com.globeco.trading.testkit.trades.TradePublisher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform on one machine: Kafka, Postgres, the Execution and Trade Services (embedded
 * unless pointed at real ones), generated fills and trades, and the fill-confirmation, allocation,
 * trade-hotpath and backdated-coldpath jobs on a MiniCluster with the Flink web UI and Prometheus metrics (or on
 * a cluster of processes: {@link ClusterPlatform}); allocation files go to a simulated Portfolio Accounting CLI.
 * Prints progress until Ctrl-C.
 */
public final class LocalPlatform {
    static final String FILLS = "fills";
    static final String DEAD_LETTERS = "fills.dlq";
    static final String ALLOCATION_DEAD_LETTERS = "allocations.dlq";
    static final ZoneId BUSINESS_ZONE = ZoneId.of("America/New_York");
    /** The checkpoint pace of the local platform's jobs (but the hotpath's, as deployed): "decided" trails by about this. */
    static final String CHECKPOINT_INTERVAL = "5 s";

    private LocalPlatform() {}

    /** Where the jobs run, given the options. */
    @FunctionalInterface
    interface HostStarter {
        JobHost start(PlatformOptions options) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        run(args, options -> new LocalCluster(LocalFlink.configuration(options, CHECKPOINT_INTERVAL), 10));
    }

    /** The platform with its jobs on {@code hosts}' Flink; prints progress until Ctrl-C, then stops each job with a savepoint. */
    static void run(String[] args, HostStarter hosts) throws Exception {
        PlatformOptions options = PlatformOptions.exactly(args);
        PrintStream console = ConsoleAndLogFile.redirectStdoutTo(options.dataDirectory().resolve("platform.log"));
        console.println("Starting Kafka, Postgres and the simulated services (logs: "
                + options.dataDirectory().resolve("platform.log") + ")");
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested.countDown();
            awaitQuietly(stopped);
        }, "local-platform-shutdown"));

        ScheduledExecutorService dispatching = Executors.newSingleThreadScheduledExecutor();
        if (options.resume() && (options.kafkaBootstrapServers().isEmpty() || options.postgresUrl().isEmpty())) {
            throw new IllegalArgumentException("--resume needs the Kafka and Postgres of the run it resumes: --kafka.bootstrap-servers and"
                    + " --postgres.url (embedded ones start empty)");
        }
        LocalSavepoints savepoints = new LocalSavepoints(options.dataDirectory());
        try (PlatformStack stack = PlatformStack.stoppedByClose(options)) {
            stack.provisionDeclaredTopics();
            Files.createDirectories(options.accountingDirectory());
            try (JobHost flink = hosts.start(options)) {
                for (PlatformJob job : jobs(stack, options)) {
                    flink.submit(job, options.resume() ? resumeFrom(savepoints, job.name()) : Optional.empty());
                }
                runUntilStopped(console, stack, options, flink, savepoints, stopRequested, dispatching);
            }
        } finally {
            stopped.countDown();
        }
    }

    /** Publishes and reports progress until a stop is requested; then stops every job with a savepoint. */
    private static void runUntilStopped(PrintStream console, PlatformStack stack, PlatformOptions options, JobHost flink,
                                        LocalSavepoints savepoints, CountDownLatch stopRequested, ScheduledExecutorService dispatching)
            throws Exception {
        AccountingFileDispatcher dispatcher = simulatedCliDispatcher(options);
        dispatching.scheduleWithFixedDelay(() -> dispatchQuietly(dispatcher), 5, 5, TimeUnit.SECONDS);
        try (LocalReadService reads = LocalReadService.start(stack, options, dispatcher);
             FillPublisher publisher = new FillPublisher(stack.kafkaBootstrapServers(), FILLS).withRate(options.fillsPerSecond());
             ContinuousPublishing publishing = publisher.publishContinuously(
                     new FillGenerator(System.currentTimeMillis(), stack.executionRegistry()), options.executionsInFlight());
             TradePublisher trades = new TradePublisher(stack.kafkaBootstrapServers(), "trade-events").publishContinuously(
                     new TradeGenerator(System.currentTimeMillis(), "L", 500), options.tradesPerSecond(), BUSINESS_ZONE);
             MarketDataFeed prices = new MarketDataFeed(stack.kafkaBootstrapServers(), "market-data", 1_000)) {
            console.printf("Fill confirmation, allocation, the trade hotpath, the backdated coldpath and regulatory reporting are RUNNING: %s%n",
                    flink.endpoints());
            console.printf("Kafka %s, Postgres %s, Execution Service %s, Trade Service %s, Trade Repository %s; %s fills/s;"
                            + " %s trades/s; a market price a second; accounting files in %s. Ctrl-C stops.%n",
                    stack.kafkaBootstrapServers(), stack.postgres().jdbcUrl(), stack.executionService(),
                    stack.tradeService(), stack.tradeRepository(), options.fillsPerSecond(), options.tradesPerSecond(), options.accountingDirectory());
            console.printf("Read service %s: the Allocation API (/api/v1/executions), positions (/api/v1/positions/{key}), audit"
                    + " (/api/v1/audit/...), its OpenAPI document at /openapi; ./platform position <key> prints one.%n", reads.url());
            Progress progress = new Progress(console, stack.postgres(), flink.metrics(),
                    publishing::fillsPublished, trades::published, options.accountingDirectory());
            while (!stopRequested.await(5, TimeUnit.SECONDS)) {
                progress.report();
            }
            console.println("Stopping: fill generator, jobs, then Kafka and Postgres");
        } finally {
            dispatching.shutdownNow();
            console.println("Stopping every job with a savepoint: what each has done is committed first");
            flink.stopWithSavepoints(savepoints).forEach((job, path) -> console.printf("  %s: %s%n", job, path));
        }
    }

    /** The five streaming jobs on the stack, each as a deployment starts it and as this JVM defines it. */
    static List<PlatformJob> jobs(PlatformStack stack, PlatformOptions options) {
        String[] confirmation = fillConfirmationArguments(stack, options);
        String[] allocation = stack.jobArguments(
                "--fills.topic", FILLS,
                "--allocation.dead-letter-topic", ALLOCATION_DEAD_LETTERS,
                "--allocation.output-dir", options.accountingDirectory().toUri().toString(),
                "--trade-service.url", stack.tradeService().toString());
        String[] hotpath = stack.jobArguments(
                "--contract-service.url", stack.contractService().toString(),
                "--hotpath.business-zone", BUSINESS_ZONE.getId());
        String[] coldpath = stack.jobArguments("--coldpath.business-zone", BUSINESS_ZONE.getId());
        String[] reporting = stack.jobArguments("--trade-repository.url", stack.tradeRepository().toString());
        return List.of(
                new PlatformJob(FillConfirmationJob.NAME, FillConfirmationJob.class, List.of(confirmation),
                        env -> FillConfirmationJob.define(env, FillConfirmationOptions.from(confirmation).wiring()), Map.of()),
                new PlatformJob(AllocationJob.NAME, AllocationJob.class, List.of(allocation),
                        env -> AllocationJob.define(env, AllocationOptions.from(allocation).wiring()), Map.of()),
                new PlatformJob(TradeHotpathJob.NAME, TradeHotpathJob.class, List.of(hotpath),
                        env -> TradeHotpathJob.define(env, TradeHotpathOptions.from(hotpath).wiring()), LocalFlink.hotpathSettings(options.dataDirectory()).toMap()),
                new PlatformJob(BackdatedColdpathJob.NAME, BackdatedColdpathJob.class, List.of(coldpath),
                        env -> BackdatedColdpathJob.define(env, BackdatedColdpathOptions.from(coldpath).wiring()), Map.of()),
                new PlatformJob(RegulatoryReportingJob.NAME, RegulatoryReportingJob.class, List.of(reporting),
                        env -> RegulatoryReportingJob.define(env, RegulatoryReportingOptions.from(reporting).wiring()), Map.of()));
    }

    private static String[] fillConfirmationArguments(PlatformStack stack, PlatformOptions options) {
        return stack.jobArguments(
                "--fills.topic", FILLS,
                "--fills.dead-letter-topic", DEAD_LETTERS,
                "--execution-service.url", stack.executionService().toString(),
                "--execution-service.max-concurrent-calls", String.valueOf(options.maxConcurrentCalls()));
    }

    private static Optional<String> resumeFrom(LocalSavepoints savepoints, String job) {
        Optional<String> savepoint = savepoints.latest(job);
        System.out.println(job + (savepoint.isPresent() ? " resumes from " + savepoint.get()
                : " has no savepoint: it starts from its consumer group's committed offsets"));
        return savepoint;
    }

    /** The simulated CLI runs as its own process, as the real one would: a JVM on this classpath. */
    private static AccountingFileDispatcher simulatedCliDispatcher(PlatformOptions options) {
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), PortfolioAccountingCliSimulator.class.getName(),
                "process", "--file", "{file}", "--output-dir", "{output-dir}");
        return new AccountingFileDispatcher(options.accountingDirectory(), command, Duration.ofMinutes(1),
                Duration.ofSeconds(5), Clock.systemUTC());
    }

    private static void dispatchQuietly(AccountingFileDispatcher dispatcher) {
        try {
            dispatcher.dispatchPending();
        } catch (Exception e) {
            System.err.println("dispatching accounting files failed: " + e);
        }
    }

    /** Long enough for every job's stop with a savepoint (up to 3 minutes each), one after the other. */
    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(15, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
