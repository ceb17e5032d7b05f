package com.globeco.trading.operators.positions;

import com.globeco.trading.positions.PositionCommand;

import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.positions.DeferredContract;
import com.globeco.trading.positions.DedupRule;
import com.globeco.trading.positions.ReferencePrice;
import com.globeco.trading.positions.TaxLotMethod;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The hotpath's gates in Flink's harness: a value downstream, or a dead letter on the gate's own tag with its message. */
class GatesTest {
    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    @Test
    void aValidTradeGoesOnWithItsKafkaMessage() throws Exception {
        String payload = "{\"tradeId\":\"T1\",\"positionKey\":\"ACC-1:AAPL:USD\",\"tradeType\":\"NEW_TRADE\",\"quantity\":5,"
                + "\"price\":10.5,\"effectiveDate\":\"2026-11-20\",\"occurredAt\":\"2026-11-20T14:59:00Z\"}";
        var harness = harness(new ValidateTrades(ZoneOffset.UTC, DedupRule.defaults()));

        harness.processElement(message("trade-events", 7, payload), NOW.toEpochMilli());

        assertThat(harness.extractOutputValues()).singleElement().satisfies(command -> {
            assertThat(((PositionCommand.ApplyTrade) command).trade().tradeId()).isEqualTo("T1");
            assertThat(command.source().offset()).isEqualTo(7);
        });
        assertThat(harness.getSideOutput(ValidateTrades.REJECTED)).isNullOrEmpty();
    }

    @Test
    void aTradeWithNineDecimalsIsDeadLetteredAndNothingGoesOn() throws Exception {
        String payload = "{\"tradeId\":\"T1\",\"positionKey\":\"ACC-1:AAPL:USD\",\"tradeType\":\"NEW_TRADE\",\"quantity\":1.123456789,"
                + "\"price\":10.5,\"effectiveDate\":\"2026-11-20\",\"occurredAt\":\"2026-11-20T14:59:00Z\"}";
        var harness = harness(new ValidateTrades(ZoneOffset.UTC, DedupRule.defaults()));

        harness.processElement(message("trade-events", 8, payload), NOW.toEpochMilli());

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(letters(harness, ValidateTrades.REJECTED)).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("INVALID_TRADE");
            assertThat(letter.error()).contains("quantity has more than 8 decimal places");
            assertThat(letter.sourceOffset()).isEqualTo(8);
            assertThat(letter.payload()).isEqualTo(payload);
        });
    }

    @Test
    void marketPricesNeedAnInstrumentAPriceAndAnInstant() throws Exception {
        var harness = harness(new ReadMarketPrices(DedupRule.defaults()));

        harness.processElement(message("market-data", 1, "{\"instrument\":\"AAPL\",\"price\":12.5,\"asOf\":\"2026-11-20T14:00:00Z\"}"), 0);
        harness.processElement(message("market-data", 2, "{\"instrument\":\"AAPL\",\"price\":12.5}"), 0);
        harness.processElement(message("market-data", 3, "{\"instrument\":\"aapl; drop\",\"price\":-1,\"asOf\":\"today\"}"), 0);

        assertThat(harness.extractOutputValues()).extracting(ReferencePrice::instrument, ReferencePrice::asOf)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AAPL", java.time.Instant.parse("2026-11-20T14:00:00Z")));
        assertThat(letters(harness, ReadMarketPrices.REJECTED)).extracting(DeadLetter::sourceOffset, DeadLetter::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "INVALID_MARKET_DATA"),
                        org.assertj.core.groups.Tuple.tuple(3L, "INVALID_MARKET_DATA"));
        assertThat(letters(harness, ReadMarketPrices.REJECTED).get(1).error())
                .contains("instrument must be").contains("price must be positive").contains("asOf must be an ISO-8601 instant");
    }

    @Test
    void aMessageWithAnythingAfterItsObjectIsDeadLettered() throws Exception {
        var harness = harness(new ReadMarketPrices(DedupRule.defaults()));

        harness.processElement(message("market-data", 1, "{\"instrument\":\"AAPL\",\"price\":12.5,\"asOf\":\"2026-11-20T14:00:00Z\"} {\"price\":1}"), 0);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(letters(harness, ReadMarketPrices.REJECTED)).singleElement()
                .satisfies(letter -> assertThat(letter.reason()).isEqualTo("INVALID_MARKET_DATA"));
    }

    @Test
    void aPriceFromTheFutureIsDeadLetteredAndTheNextRealPriceGoesOn() throws Exception {
        var harness = harness(new ReadMarketPrices(DedupRule.defaults()));

        harness.processElement(message("market-data", 1, "{\"instrument\":\"AAPL\",\"price\":999,\"asOf\":\"2999-01-01T00:00:00Z\"}"), 0);
        harness.processElement(message("market-data", 2, "{\"instrument\":\"AAPL\",\"price\":12.5,\"asOf\":\"" + NOW.plusSeconds(3599) + "\"}"), 0);
        harness.processElement(message("market-data", 3, "{\"instrument\":\"AAPL\",\"price\":12.75,\"asOf\":\"" + NOW.plusSeconds(3601) + "\"}"), 0);

        assertThat(harness.extractOutputValues()).as("within the clock tolerance of an hour")
                .extracting(ReferencePrice::price).containsExactly(new java.math.BigDecimal("12.5"));
        assertThat(letters(harness, ReadMarketPrices.REJECTED)).extracting(DeadLetter::sourceOffset).containsExactly(1L, 3L);
        assertThat(letters(harness, ReadMarketPrices.REJECTED).get(0).error())
                .contains("asOf must not be more than PT1H ahead of the clock (2026-11-20T15:00:00Z), was 2999-01-01T00:00:00Z");
    }

    @Test
    void contractEventsSetATaxLotMethod() throws Exception {
        var harness = harness(new ReadContractTerms());

        harness.processElement(message("contract-events", 1, "{\"positionKey\":\"ACC-1:AAPL:USD\",\"taxLotMethod\":\"HIFO\"}"), 0);
        harness.processElement(message("contract-events", 2, "{\"positionKey\":\"ACC-1:AAPL:USD\",\"taxLotMethod\":\"fifo\"}"), 0);

        assertThat(harness.extractOutputValues()).extracting(command -> ((PositionCommand.ApplyTerms) command).terms().method()).containsExactly(TaxLotMethod.HIFO);
        assertThat(letters(harness, ReadContractTerms.REJECTED)).singleElement()
                .satisfies(letter -> assertThat(letter.reason()).isEqualTo("INVALID_CONTRACT_EVENT"));
    }

    @Test
    void aDeferredContractRequestIsReadBackWithItsTrade() throws Exception {
        String retry = "{\"tradeId\":\"T1\",\"positionKey\":\"ACC-1:AAPL:USD\",\"failure\":\"timeout\",\"trade\":{\"tradeId\":\"T1\","
                + "\"positionKey\":\"ACC-1:AAPL:USD\",\"tradeType\":\"NEW_TRADE\",\"quantity\":5,\"price\":10.5,"
                + "\"effectiveDate\":\"2026-11-20\",\"occurredAt\":\"2026-11-20T14:59:00Z\",\"correlationId\":\"c-1\"}}";
        var harness = harness(new ReadContractRetries(ZoneOffset.UTC));

        harness.processElement(message("contract-generation-retry", 4, retry), NOW.toEpochMilli());
        harness.processElement(message("contract-generation-retry", 5, "{\"tradeId\":\"T2\"}"), NOW.toEpochMilli());

        assertThat(harness.extractOutputValues()).extracting(DeferredContract::trade).extracting(trade -> trade.correlationId())
                .containsExactly("c-1");
        assertThat(letters(harness, ReadContractRetries.REJECTED)).singleElement()
                .satisfies(letter -> assertThat(letter.error()).contains("trade is required"));
    }

    private static <T> OneInputStreamOperatorTestHarness<SourceMessage, T> harness(ProcessFunction<SourceMessage, T> gate) throws Exception {
        var harness = ProcessFunctionTestHarnesses.forProcessFunction(gate);
        harness.setProcessingTime(NOW.toEpochMilli());
        return harness;
    }

    private static SourceMessage message(String topic, long offset, String payload) {
        return new SourceMessage(topic, 0, offset, 0, payload);
    }

    private static List<DeadLetter> letters(OneInputStreamOperatorTestHarness<SourceMessage, ?> harness, OutputTag<DeadLetter> tag) {
        var letters = harness.getSideOutput(tag);
        return letters == null ? List.of() : letters.stream().map(StreamRecord::getValue).toList();
    }
}
