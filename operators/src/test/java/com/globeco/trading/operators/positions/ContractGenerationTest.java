package com.globeco.trading.operators.positions;

import com.globeco.trading.fills.SourceMessage;
import com.globeco.trading.operators.AsyncOperatorRun;
import com.globeco.trading.positions.ContractOutcome;
import com.globeco.trading.positions.ContractRetry;
import com.globeco.trading.positions.TradeEvent;
import com.globeco.trading.positions.TradeType;
import com.globeco.trading.testkit.contract.ContractServiceSimulator;
import org.apache.flink.streaming.util.retryable.AsyncRetryStrategies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

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
        List<ContractOutcome> outcomes = AsyncOperatorRun.run(new GenerateContract(settings()), TradeEvent.class, Duration.ofSeconds(1), 5,
                AsyncRetryStrategies.NO_RETRY_STRATEGY, List.of(trade("T1"), trade("T2")));

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.contractId()).startsWith("CTR-"));
        assertThat(contractService.contractOf("T1")).isPresent();
        assertThat(contractService.tracedRequests()).isEqualTo(contractService.requests()).isEqualTo(2);
    }

    @Test
    void aFailedCallIsAnOutcomeNotAnException() throws Exception {
        contractService.setOutage(true);

        List<ContractOutcome> outcomes = AsyncOperatorRun.run(new GenerateContract(settings()), TradeEvent.class, Duration.ofSeconds(1), 5,
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

        List<ContractRetry> retried = AsyncOperatorRun.run(new RetryContract(retries), ContractRetry.class, retries.retryBudget(),
                5, RetryContract.strategy(retries), List.of(ContractRetry.of(trade("T4"), new SourceMessage("retry", 0, 9, 0, "{}"))));

        assertThat(retried).singleElement().satisfies(retry -> {
            assertThat(retry.generated()).isFalse();
            assertThat(retry.source().offset()).isEqualTo(9);
        });
        assertThat(contractService.requests()).as("the first call and 3 retries").isEqualTo(4);
    }

    @Test
    void aDeferredRequestIsGeneratedOnceTheServiceAnswers() throws Exception {
        ContractServiceSettings retries = settings().forRetries();

        List<ContractRetry> retried = AsyncOperatorRun.run(new RetryContract(retries), ContractRetry.class, retries.retryBudget(),
                5, RetryContract.strategy(retries), List.of(ContractRetry.of(trade("T5"), new SourceMessage("retry", 0, 10, 0, "{}"))));

        assertThat(retried).singleElement().satisfies(retry -> assertThat(retry.contractId()).startsWith("CTR-"));
        assertThat(contractService.requests()).isEqualTo(1);
    }

    private ContractServiceSettings settings() {
        return ContractServiceSettings.defaults(contractService.baseUri()).withBackoff(Duration.ofMillis(10), Duration.ofMillis(40));
    }

    private static TradeEvent trade(String id) {
        return new TradeEvent(id, "ACC-1:AAPL:USD", TradeType.NEW_TRADE, BigDecimal.TEN, BigDecimal.ONE, "2026-11-20",
                "2026-11-20T14:00:00Z", null, "corr-" + id, null, null);
    }
}
