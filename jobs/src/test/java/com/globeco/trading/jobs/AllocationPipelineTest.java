package com.globeco.trading.jobs;

import com.globeco.trading.allocation.Allocation;
import com.globeco.trading.jobs.pipeline.BoundedSources;
import com.globeco.trading.jobs.pipeline.CollectingSink;
import com.globeco.trading.jobs.pipeline.Pipeline;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.operators.allocation.BookedExecutions;
import com.globeco.trading.operators.allocation.TradeServiceSettings;
import com.globeco.trading.testkit.execution.ExecutionServiceSimulator;
import com.globeco.trading.testkit.fills.ExecutionRegistry;
import com.globeco.trading.testkit.fills.FillGenerator;
import com.globeco.trading.testkit.fills.GeneratedExecution;
import com.globeco.trading.testkit.trade.TradeServiceSimulator;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allocation job through its seam: fills from a collection, execution rows, Portfolio Accounting lines and dead
 * letters collected in memory, the booked executions in memory, the Trade Service simulated in process.
 */
class AllocationPipelineTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(1, 2);

    private static ExecutionServiceSimulator executionService;
    private static TradeServiceSimulator tradeService;
    private final Random random = new Random(5);
    private FillGenerator generator;

    @BeforeAll
    static void startServices() {
        executionService = ExecutionServiceSimulator.start();
        tradeService = TradeServiceSimulator.start();
    }

    @AfterAll
    static void stopServices() {
        tradeService.close();
        executionService.close();
    }

    @BeforeEach
    void healthyTradeService() {
        tradeService.clearFaults();
        tradeService.setOutage(false);
        generator = new FillGenerator(TestFlink.nextRun(), ExecutionRegistry.inProcess(executionService));
    }

    @Test
    void eachClosedExecutionIsAllocatedOnceToItsPortfolioThoughItsClosingFillComesTwiceOnFillsAndOncePostedToTheApi() throws Exception {
        List<GeneratedExecution> executions = withPortfolios(generator.executions(25));
        List<String> messages = new ArrayList<>(AllocationRun.allFills(executions));
        executions.forEach(execution -> messages.add(execution.lastFill()));
        Collections.shuffle(messages, random);
        List<String> posted = executions.stream().map(GeneratedExecution::lastFill).toList();

        Outputs outputs = run(messages, posted, Set.of(), 2, TradeServiceSettings.defaults(tradeService.baseUri()));

        assertThat(outputs.deadLetters()).isEmpty();
        assertThat(outputs.accountingFiles()).hasSameSizeAs(outputs.executionRows());
        Map<Long, Allocation> allocated = outputs.executionRows().stream()
                .collect(Collectors.toMap(allocation -> allocation.lastFill().executionServiceId(), allocation -> allocation));
        assertThat(allocated).hasSize(executions.size());
        for (GeneratedExecution execution : executions) {
            Allocation allocation = allocated.get(execution.executionServiceId());
            assertThat(allocation.portfolioId()).isEqualTo(tradeService.portfolioOf(execution.executionServiceId()).orElseThrow());
            assertThat(allocation.line().portfolioId()).isEqualTo(allocation.portfolioId());
            assertThat(allocation.line().sourceId()).isEqualTo("AC" + execution.executionServiceId());
            assertThat(allocation.lastFill().quantityFilled()).isEqualByComparingTo(execution.expectedQuantityFilled());
        }
    }

    @Test
    void brokenFillsAndExecutionsWithoutAPortfolioAreDeadLetteredAndBookedExecutionsAreNotBookedAgain() throws Exception {
        GeneratedExecution allocated = withPortfolios(generator.executions(1)).get(0);
        GeneratedExecution booked = withPortfolios(generator.executions(1)).get(0);
        GeneratedExecution withoutPortfolio = generator.executions(1).get(0);
        List<String> broken = List.of("not json at all", "{\"executionServiceId\":1}");
        List<String> messages = new ArrayList<>(broken);
        messages.addAll(AllocationRun.allFills(List.of(allocated, booked, withoutPortfolio)));

        Outputs outputs = run(messages, Set.of(booked.executionServiceId()), 1);

        assertThat(outputs.executionRows()).extracting(allocation -> allocation.lastFill().executionServiceId())
                .containsExactly(allocated.executionServiceId());
        assertThat(outputs.accountingFiles()).hasSize(1);
        Map<String, String> reasons = outputs.deadLetters().stream().collect(Collectors.toMap(DeadLetter::payload, DeadLetter::reason));
        assertThat(reasons).containsOnly(
                Map.entry(broken.get(0), "MALFORMED_JSON"),
                Map.entry(broken.get(1), "MISSING_FIELD"),
                Map.entry(withoutPortfolio.lastFill(), "PORTFOLIO_NOT_FOUND"));
        assertThat(outputs.deadLetters()).filteredOn(letter -> letter.reason().equals("PORTFOLIO_NOT_FOUND"))
                .extracting(DeadLetter::key).containsExactly(String.valueOf(withoutPortfolio.executionServiceId()));
    }

    @Test
    void aTradeServiceOutageDeadLettersEveryClosedExecutionWithoutFailingTheJob() throws Exception {
        List<GeneratedExecution> executions = withPortfolios(generator.executions(12));
        tradeService.setOutage(true);

        Outputs outputs = run(AllocationRun.allFills(executions), Set.of(), 1,
                TradeServiceSettings.defaults(tradeService.baseUri()).withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)));

        assertThat(outputs.executionRows()).isEmpty();
        assertThat(outputs.accountingFiles()).isEmpty();
        assertThat(outputs.deadLetters()).extracting(DeadLetter::payload)
                .containsExactlyInAnyOrderElementsOf(executions.stream().map(GeneratedExecution::lastFill).toList());
        assertThat(outputs.deadLetters()).extracting(DeadLetter::reason)
                .isSubsetOf("TRADE_SERVICE_UNAVAILABLE", "CIRCUIT_OPEN").contains("CIRCUIT_OPEN");
    }

    private List<GeneratedExecution> withPortfolios(List<GeneratedExecution> executions) {
        executions.forEach(execution -> tradeService.register(execution.executionServiceId(),
                TradeServiceSimulator.randomPortfolioId(random), "68336002fe95851f0a2aeda9", "IBM"));
        return executions;
    }

    /** The execution table as a set of booked executions. */
    private record InMemoryBooked(Set<Long> executions) implements BookedExecutions {
        @Override
        public Lookup open() {
            return new Lookup() {
                @Override
                public boolean isBooked(long executionServiceId) {
                    return executions.contains(executionServiceId);
                }

                @Override
                public void close() {}
            };
        }
    }

    private record Outputs(List<Allocation> executionRows, List<Allocation> accountingFiles, List<DeadLetter> deadLetters) {}

    private static Outputs run(List<String> fills, Set<Long> booked, int parallelism) throws Exception {
        return run(fills, booked, parallelism, TradeServiceSettings.defaults(tradeService.baseUri()));
    }

    private static Outputs run(List<String> fills, Set<Long> booked, int parallelism, TradeServiceSettings settings) throws Exception {
        return run(fills, List.of(), booked, parallelism, settings);
    }

    private static Outputs run(List<String> fills, List<String> posted, Set<Long> booked, int parallelism, TradeServiceSettings settings)
            throws Exception {
        CollectingSink<Allocation> executionRows = new CollectingSink<>();
        CollectingSink<Allocation> accountingFiles = new CollectingSink<>();
        CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();
        AllocationJob.Wiring wiring = new AllocationJob.Wiring(BoundedSources.messages("fills", fills),
                BoundedSources.messages("allocation-executions", posted), executionRows,
                new InMemoryBooked(Set.copyOf(booked)), accountingFiles, deadLetters,
                settings, ZoneId.of("America/New_York"), Pipeline.readiness());
        Pipeline.run(AllocationJob.NAME, parallelism, env -> AllocationJob.define(env, wiring));
        return new Outputs(executionRows.received(), accountingFiles.received(), deadLetters.received());
    }
}
