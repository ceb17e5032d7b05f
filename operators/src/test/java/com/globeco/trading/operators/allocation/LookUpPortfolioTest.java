package com.globeco.trading.operators.allocation;

import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.fills.Fills;
import com.globeco.trading.fills.ValidatedFill;
import com.globeco.trading.operators.AsyncOperatorRun;
import com.globeco.trading.testkit.trade.TradeServiceSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import com.globeco.trading.testkit.http.Reply;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

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

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongAnswers")
    void aWrongAnswerIsRetriedThenDeadLetteredWithTheReasonAndNothingIsAllocated(String what, Reply answer, String reason) throws Exception {
        tradeService.answerEveryRequestWith(answer);

        List<PortfolioLookup> lookups = lookUp(settings(), inbound(5));

        assertThat(lookups).singleElement().satisfies(lookup -> {
            assertThat(lookup.resolved()).isFalse();
            assertThat(lookup.failureReason()).isEqualTo(DeadLetterReason.TRADE_SERVICE_UNAVAILABLE);
            assertThat(lookup.failureDetail()).isEqualTo("Trade Service answer refused: " + reason);
            assertThat(lookup.retryable()).isTrue();
        });
        assertThat(tradeService.requests()).as("the first call and its 3 retries").isEqualTo(4);
        var allocation = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new AllocateOnce(Duration.ofDays(30), ZoneId.of("America/New_York"), "test", BookedInMemory.none()), new LookupExecutionKey(), Types.LONG);
        allocation.processElement(lookups.get(0), 0);
        assertThat(allocation.extractOutputValues()).as("no execution row, no accounting line").isEmpty();
        assertThat(allocation.getSideOutput(AllocateOnce.UNALLOCATED)).singleElement().satisfies(letter -> {
            assertThat(letter.getValue().reason()).isEqualTo("TRADE_SERVICE_UNAVAILABLE");
            assertThat(letter.getValue().error()).contains(reason);
        });
    }

    static Stream<Arguments> wrongAnswers() {
        String page = """
                {"executions":[{"id":15,"tradeOrder":{"id":148,"orderId":148,\
                "portfolio":{"portfolioId":"%s","name":"Portfolio 9733"},\
                "security":{"securityId":"684f122eeea39200e56291b8","ticker":"LYB"}},"executionServiceId":%d,"version":3}],\
                "pagination":{"totalElements":1}}""";
        return Stream.of(
                Arguments.of("a portfolio id as a number", json(page.formatted(PORTFOLIO, 5).replace("\"" + PORTFOLIO + "\"", "684")),
                        "portfolioId must be a string, was 684"),
                Arguments.of("another execution's portfolio", json(page.formatted(PORTFOLIO, 6)),
                        "executionServiceId must be the one asked for, 5, was 6"),
                Arguments.of("the page nested in another object", json("{\"page\":" + page.formatted(PORTFOLIO, 5) + "}"),
                        "executions is required"),
                Arguments.of("a 5 MB page", Reply.oversized(200, page.formatted(PORTFOLIO, 5), 5 * 1024 * 1024),
                        "answer larger than 1048576 bytes"),
                Arguments.of("an empty body", Reply.empty(200), "empty body: a page of executions was expected"));
    }

    private static Reply json(String body) {
        return Reply.json(200, body.getBytes(StandardCharsets.UTF_8));
    }

    private TradeServiceSettings settings() {
        return TradeServiceSettings.defaults(tradeService.baseUri()).withBackoff(Duration.ofMillis(10), Duration.ofMillis(40));
    }

    private static ValidatedFill inbound(long execution) {
        return Fills.inbound(Fills.fill(execution, 3, "1000", "10.5"), 0, execution);
    }

    private static List<PortfolioLookup> lookUp(TradeServiceSettings settings, ValidatedFill... fills) throws Exception {
        return AsyncOperatorRun.run(new LookUpPortfolio(settings), ValidatedFill.class, settings.totalTimeout(), settings.maxCallsInFlight(),
                LookupRetries.strategy(settings), List.of(fills));
    }
}
