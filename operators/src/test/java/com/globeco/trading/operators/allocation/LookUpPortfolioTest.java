package com.globeco.trading.operators.allocation;

import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.fills.Fills;
import com.globeco.trading.fills.InboundFill;
import com.globeco.trading.operators.AsyncOperatorRun;
import com.globeco.trading.testkit.trade.TradeServiceSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The portfolio lookup in Flink's async operator with its retry strategy, against the Trade Service simulator. */
class LookUpPortfolioTest {
    private static final String PORTFOLIO = "5f47fd91a9d8ce7c8b6c4d2b";
    private TradeServiceSimulator tradeService;

    @BeforeEach
    void start() {
        tradeService = TradeServiceSimulator.start();
    }

    @AfterEach
    void stop() {
        tradeService.close();
    }

    @Test
    void aKnownExecutionGetsItsPortfolioAndAnUnknownOneIsNotRetried() throws Exception {
        tradeService.register(1, PORTFOLIO, "68336002fe95851f0a2aeda9", "IBM");

        List<PortfolioLookup> lookups = lookUp(settings(), inbound(1), inbound(2));

        assertThat(lookups).filteredOn(PortfolioLookup::resolved).singleElement()
                .satisfies(lookup -> assertThat(lookup.portfolioId()).isEqualTo(PORTFOLIO));
        assertThat(lookups).filteredOn(lookup -> !lookup.resolved()).singleElement().satisfies(lookup -> {
            assertThat(lookup.failureReason()).isEqualTo(DeadLetterReason.PORTFOLIO_NOT_FOUND);
            assertThat(lookup.retryable()).isFalse();
        });
        assertThat(tradeService.requests()).as("a missing portfolio is an answer, not a failure to retry").isEqualTo(2);
        assertThat(tradeService.tracedRequests()).isEqualTo(2);
    }

    @Test
    void anOutageIsRetriedWithBackoffThenReported() throws Exception {
        tradeService.setOutage(true);

        List<PortfolioLookup> lookups = lookUp(settings(), inbound(3));

        assertThat(lookups).singleElement().satisfies(lookup -> {
            assertThat(lookup.failureReason()).isEqualTo(DeadLetterReason.TRADE_SERVICE_UNAVAILABLE);
            assertThat(lookup.retryable()).isTrue();
        });
        assertThat(tradeService.requests()).as("the first call and its 3 retries").isEqualTo(4);
    }

    private TradeServiceSettings settings() {
        TradeServiceSettings defaults = TradeServiceSettings.defaults(tradeService.baseUri());
        return new TradeServiceSettings(defaults.uri(), defaults.callTimeout(), defaults.maxCallsInFlight(), defaults.retries(),
                Duration.ofMillis(10), Duration.ofMillis(40), defaults.breakerFailures(), defaults.breakerOpenFor());
    }

    private static InboundFill inbound(long execution) {
        return Fills.inbound(Fills.fill(execution, 3, "1000", "10.5"), 0, execution);
    }

    private static List<PortfolioLookup> lookUp(TradeServiceSettings settings, InboundFill... fills) throws Exception {
        return AsyncOperatorRun.run(new LookUpPortfolio(settings), InboundFill.class, settings.totalTimeout(), settings.maxCallsInFlight(),
                LookupRetries.strategy(settings), List.of(fills));
    }
}
