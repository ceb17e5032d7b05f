package com.globeco.trading.operators.positions;

import java.time.Instant;
import java.time.LocalDate;
import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.operators.AsyncOperatorRun;
import com.globeco.trading.positions.ContractOutcome;
import com.globeco.trading.positions.DeferredContract;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.TradeType;
import com.globeco.trading.testkit.contract.ContractServiceSimulator;
import org.apache.flink.streaming.util.retryable.AsyncRetryStrategies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import com.globeco.trading.testkit.http.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import com.globeco.trading.testkit.execution.Latency;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract generation on the hotpath and its retries, in Flink's async operator, against the Contract Service simulator. */
class ContractGenerationTest {
    private ContractServiceSimulator contractService;

    @BeforeEach
    void start() {
        contractService = ContractServiceSimulator.start();
    }

    @AfterEach
    void stop() {
        contractService.close();
    }

    @Test
    void aTradeGetsItsContractWithTraceHeaders() throws Exception {
        List<ContractOutcome> outcomes = AsyncOperatorRun.run(new GenerateContract(settings()), Trade.class, Duration.ofSeconds(1), 5,
                AsyncRetryStrategies.NO_RETRY_STRATEGY, List.of(trade("T1"), trade("T2")));

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.contractId()).startsWith("CTR-"));
        assertThat(contractService.contractOf("T1")).isPresent();
        assertThat(contractService.tracedRequests()).isEqualTo(contractService.requests()).isBetween(1L, 2L);
    }

    @ParameterizedTest(name = "a batch of at most {0}")
    @ValueSource(ints = {1, 100})
    void aBacklogGetsEveryContractInBatchesOfAtMostTheBatchSize(int batchSize) throws Exception {
        contractService.setLatency(Latency.fixed(Duration.ofMillis(1)));
        List<Trade> trades = IntStream.range(0, 400).mapToObj(i -> trade("B" + i)).toList();

        List<ContractOutcome> outcomes = AsyncOperatorRun.run(new GenerateContract(settings().withBatchSize(batchSize).withTimeout(Duration.ofSeconds(1))), Trade.class,
                Duration.ofHours(1), GenerateContract.REQUESTS_HELD, AsyncRetryStrategies.NO_RETRY_STRATEGY, trades);

        assertThat(outcomes).hasSize(400).allSatisfy(outcome -> assertThat(outcome.contractId()).startsWith("CTR-"));
        assertThat(contractService.contractsGenerated()).isEqualTo(400);
        assertThat(contractService.requests()).as("calls").isBetween(400L / batchSize, batchSize == 1 ? 400L : 200L);
    }

    @Test
    void aCorrelationIdThatIsNoHeaderValueStillGetsTheContract() throws Exception {
        Trade broken = new Trade("H1", "ACC-1:AAPL:USD", TradeType.NEW_TRADE, BigDecimal.TEN, BigDecimal.ONE, LocalDate.parse("2026-11-20"),
                Instant.parse("2026-11-20T14:00:00Z"), null, "corr\r\nInjected: yes \u00e9", null, null);

        List<ContractOutcome> outcomes = AsyncOperatorRun.run(new GenerateContract(settings()), Trade.class, Duration.ofSeconds(2), 5,
                AsyncRetryStrategies.NO_RETRY_STRATEGY, List.of(broken));
        List<DeferredContract> retried = AsyncOperatorRun.run(new RetryContract(settings().forRetries()), DeferredContract.class,
                Duration.ofSeconds(2), 5, AsyncRetryStrategies.NO_RETRY_STRATEGY, List.of(DeferredContract.of(broken,
                        new SourceMessage("retry", 0, 12, 0, "{}"))));

        assertThat(outcomes).singleElement().satisfies(outcome -> assertThat(outcome.contractId()).startsWith("CTR-"));
        assertThat(retried).singleElement().satisfies(retry -> assertThat(retry.contractId()).startsWith("CTR-"));
    }

    @Test
    void aCallLeftUnansweredIsRepeatedAtOnceInsteadOfDeferred() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        contractService.setLatency(() -> calls.getAndIncrement() == 0 ? Duration.ofMillis(150) : Duration.ZERO);

        List<ContractOutcome> outcomes = AsyncOperatorRun.run(new GenerateContract(settings()), Trade.class, Duration.ofSeconds(2), 5,
                AsyncRetryStrategies.NO_RETRY_STRATEGY, List.of(trade("Q1")));

        assertThat(outcomes).singleElement().satisfies(outcome -> assertThat(outcome.contractId()).startsWith("CTR-"));
        assertThat(contractService.requests()).as("the call past its 40 ms, then its repeat").isEqualTo(2);
    }

    @Test
    void aServiceThatNeverAnswersIsAskedAtMostWithinTheQuickRetriesThenTheBreakerDefersWithoutACall() throws Exception {
        contractService.setOutage(true);
        List<Trade> trades = IntStream.range(0, 60).mapToObj(i -> trade("O" + i)).toList();

        List<ContractOutcome> outcomes = AsyncOperatorRun.run(new GenerateContract(settings().withBatchSize(1)), Trade.class,
                Duration.ofSeconds(10), 100, AsyncRetryStrategies.NO_RETRY_STRATEGY, trades);

        assertThat(outcomes).hasSize(60).noneMatch(ContractOutcome::generated);
        assertThat(outcomes).filteredOn(outcome -> outcome.failure().equals("circuit breaker open")).isNotEmpty();
        assertThat(contractService.requests()).as("at most 4 attempts a call, and none once the breaker is open").isLessThan(4 * 60);
    }

    @Test
    void aFailedCallIsAnOutcomeNotAnException() throws Exception {
        contractService.setOutage(true);

        List<ContractOutcome> outcomes = AsyncOperatorRun.run(new GenerateContract(settings()), Trade.class, Duration.ofSeconds(1), 5,
                AsyncRetryStrategies.NO_RETRY_STRATEGY, List.of(trade("T3")));

        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.generated()).isFalse();
            assertThat(outcome.failure()).isNotBlank();
        });
    }

    @Test
    void aDeferredRequestIsRetriedThreeTimesThenKeepsItsLastFailure() throws Exception {
        contractService.setOutage(true);
        ContractServiceSettings retries = settings().forRetries();

        List<DeferredContract> retried = AsyncOperatorRun.run(new RetryContract(retries), DeferredContract.class, retries.retryBudget(),
                5, RetryContract.strategy(retries), List.of(DeferredContract.of(trade("T4"), new SourceMessage("retry", 0, 9, 0, "{}"))));

        assertThat(retried).singleElement().satisfies(retry -> {
            assertThat(retry.generated()).isFalse();
            assertThat(retry.source().offset()).isEqualTo(9);
        });
        assertThat(contractService.requests()).as("the first call and 3 retries").isEqualTo(4);
    }

    @Test
    void aDeferredRequestIsGeneratedOnceTheServiceAnswers() throws Exception {
        ContractServiceSettings retries = settings().forRetries();

        List<DeferredContract> retried = AsyncOperatorRun.run(new RetryContract(retries), DeferredContract.class, retries.retryBudget(),
                5, RetryContract.strategy(retries), List.of(DeferredContract.of(trade("T5"), new SourceMessage("retry", 0, 10, 0, "{}"))));

        assertThat(retried).singleElement().satisfies(retry -> assertThat(retry.contractId()).startsWith("CTR-"));
        assertThat(contractService.requests()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongAnswers")
    void aWrongAnswerPublishesNoContractAndIsRetriedThenKeepsTheReason(String what, Reply answer, String reason) throws Exception {
        contractService.answerEveryRequestWith(answer);
        ContractServiceSettings retries = settings().forRetries();

        List<ContractOutcome> outcomes = AsyncOperatorRun.run(new GenerateContract(retries.withBatchSize(1)), Trade.class,
                Duration.ofSeconds(2), 5, AsyncRetryStrategies.NO_RETRY_STRATEGY, List.of(trade("T6")));
        List<DeferredContract> retried = AsyncOperatorRun.run(new RetryContract(retries), DeferredContract.class, retries.retryBudget(),
                5, RetryContract.strategy(retries), List.of(DeferredContract.of(trade("T6"), new SourceMessage("retry", 0, 11, 0, "{}"))));

        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.generated()).as("no trade-contracts record: the request goes to contract-generation-retry").isFalse();
            assertThat(outcome.failure()).isEqualTo("Contract Service answer refused: " + reason);
        });
        assertThat(retried).singleElement().satisfies(retry -> assertThat(retry.generated()).isFalse());
        assertThat(contractService.requests()).as("the hotpath's call, then the first retry call and 3 retries").isEqualTo(5);
    }

    @Test
    void aWrongBatchAnswerDefersEveryTradeOfTheBatchWithTheReason() throws Exception {
        contractService.answerEveryRequestWith(json("{\"contracts\":[]}"));

        List<ContractOutcome> outcomes = AsyncOperatorRun.run(new GenerateContract(settings()), Trade.class, Duration.ofSeconds(2), 5,
                AsyncRetryStrategies.NO_RETRY_STRATEGY, List.of(trade("W1")));

        assertThat(outcomes).singleElement().satisfies(outcome -> assertThat(outcome.failure())
                .isEqualTo("Contract Service answer refused: contracts must hold one contract a trade asked for, 1, held 0"));
        assertThat(contractService.requests()).as("a refused answer is not repeated at once").isEqualTo(1);
    }

    static Stream<Arguments> wrongAnswers() {
        String contract = """
                {"contractId":"CTR-17","tradeId":"%s","positionKey":"ACC-1:AAPL:USD","status":"GENERATED",\
                "createdAt":"2026-11-20T14:00:00.123Z"}""";
        return Stream.of(
                Arguments.of("a contract id as a number", json(contract.formatted("T6").replace("\"CTR-17\"", "17")),
                        "contractId must be a string, was 17"),
                Arguments.of("another trade's contract", json(contract.formatted("T7")), "tradeId must be the trade asked for, T6, was T7"),
                Arguments.of("the contract nested in another object", json("{\"contract\":" + contract.formatted("T6") + "}"),
                        "contractId is required; tradeId is required"),
                Arguments.of("a 5 MB contract", Reply.oversized(201, contract.formatted("T6"), 5 * 1024 * 1024),
                        "answer larger than 1048576 bytes"),
                Arguments.of("an empty body", Reply.empty(201), "empty body: a contract was expected"));
    }

    private static Reply json(String body) {
        return Reply.json(body.startsWith("{\"contracts\"") ? 200 : 201, body.getBytes(StandardCharsets.UTF_8));
    }

    private ContractServiceSettings settings() {
        return ContractServiceSettings.defaults(contractService.baseUri()).withBackoff(Duration.ofMillis(10), Duration.ofMillis(40));
    }

    private static Trade trade(String id) {
        return new Trade(id, "ACC-1:AAPL:USD", TradeType.NEW_TRADE, BigDecimal.TEN, BigDecimal.ONE, LocalDate.parse("2026-11-20"),
                Instant.parse("2026-11-20T14:00:00Z"), null, "corr-" + id, null, null);
    }
}
