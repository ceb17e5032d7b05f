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
        assertThat(contractService.tracedRequests()).isEqualTo(contractService.requests()).isEqualTo(2);
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

        List<ContractOutcome> outcomes = AsyncOperatorRun.run(new GenerateContract(retries), Trade.class, Duration.ofSeconds(2), 5,
                AsyncRetryStrategies.NO_RETRY_STRATEGY, List.of(trade("T6")));
        List<DeferredContract> retried = AsyncOperatorRun.run(new RetryContract(retries), DeferredContract.class, retries.retryBudget(),
                5, RetryContract.strategy(retries), List.of(DeferredContract.of(trade("T6"), new SourceMessage("retry", 0, 11, 0, "{}"))));

        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.generated()).as("no trade-contracts record: the request goes to contract-generation-retry").isFalse();
            assertThat(outcome.failure()).isEqualTo("Contract Service answer refused: " + reason);
        });
        assertThat(retried).singleElement().satisfies(retry -> assertThat(retry.generated()).isFalse());
        assertThat(contractService.requests()).as("the hotpath's call, then the first retry call and 3 retries").isEqualTo(5);
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
        return Reply.json(201, body.getBytes(StandardCharsets.UTF_8));
    }

    private ContractServiceSettings settings() {
        return ContractServiceSettings.defaults(contractService.baseUri()).withBackoff(Duration.ofMillis(10), Duration.ofMillis(40));
    }

    private static Trade trade(String id) {
        return new Trade(id, "ACC-1:AAPL:USD", TradeType.NEW_TRADE, BigDecimal.TEN, BigDecimal.ONE, LocalDate.parse("2026-11-20"),
                Instant.parse("2026-11-20T14:00:00Z"), null, "corr-" + id, null, null);
    }
}
