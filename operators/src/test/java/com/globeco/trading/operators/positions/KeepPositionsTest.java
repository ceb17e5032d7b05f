package com.globeco.trading.operators.positions;

import com.globeco.trading.fills.DeadLetter;
import com.globeco.trading.positions.ContractTerms;
import com.globeco.trading.positions.MarketPrice;
import com.globeco.trading.positions.PositionChange;
import com.globeco.trading.positions.PositionCommand;
import com.globeco.trading.positions.PositionEvent;
import com.globeco.trading.positions.PositionJson;
import com.globeco.trading.positions.TaxLotMethod;
import com.globeco.trading.positions.TradeEvent;
import com.globeco.trading.positions.TradeType;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeepPositionsTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
    private static final long NOW = TODAY.atTime(15, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
    private static final String KEY = "ACC-7:AAPL:USD";

    private KeyedBroadcastOperatorTestHarness<String, PositionCommand, MarketPrice, PositionChange> harness;

    @BeforeEach
    void open() throws Exception {
        harness = open(null);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aTradeIsAppliedOnceEvenWhenRedeliveredAfterARestore() throws Exception {
        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY));
        OperatorSubtaskState snapshot = harness.snapshot(1, NOW);
        harness.close();
        harness = open(snapshot);

        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY));
        send(trade("T2", TradeType.INCREASE, "50", TODAY));

        assertThat(events()).extracting(PositionEvent::tradeId).containsExactly("T2");
        assertThat(events().get(0).eventVersion()).isEqualTo(2);
    }

    @Test
    void aBackdatedTradeIsAppliedProvisionallyAndRoutedToTheColdpath() throws Exception {
        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY));
        send(trade("T0", TradeType.INCREASE, "10", TODAY.minusDays(2)));

        assertThat(events()).extracting(PositionEvent::eventType)
                .containsExactly(PositionEvent.TRADE_APPLIED, PositionEvent.PROVISIONAL_TRADE_APPLIED);
        assertThat(harness.getSideOutput(KeepPositions.BACKDATED)).extracting(record -> record.getValue().tradeId()).containsExactly("T0");
        assertThat(harness.getSideOutput(KeepPositions.PROVISIONAL)).hasSize(1);
        assertThat(changes().get(1).snapshot().status()).isEqualTo("PROVISIONAL");
    }

    @Test
    void aForwardDatedTradeIsAppliedOnTheHotpath() throws Exception {
        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY.plusDays(3)));

        assertThat(events().get(0).payload()).contains("\"sequenceStatus\":\"FORWARD_DATED\"");
        assertThat(harness.getSideOutput(KeepPositions.BACKDATED)).isNullOrEmpty();
    }

    @Test
    void theContractsMethodDecidesWhichLotsADecreaseConsumes() throws Exception {
        harness.processElement(new StreamRecord<>(PositionCommand.of(new ContractTerms(KEY, "C-1", TaxLotMethod.LIFO)), NOW));
        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY.minusDays(1)));
        send(trade("T2", TradeType.INCREASE, "100", TODAY));
        send(trade("T3", TradeType.DECREASE, "30", TODAY));

        assertThat(events().get(2).payload()).contains("\"lotId\":\"T2\"").doesNotContain("\"lotId\":\"T1\"");
    }

    @Test
    void anOversizedDecreaseIsDeadLetteredAndTheJobGoesOn() throws Exception {
        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY));
        send(trade("T2", TradeType.DECREASE, "100.5", TODAY));
        send(trade("T3", TradeType.DECREASE, "100", TODAY));

        List<DeadLetter> letters = harness.getSideOutput(KeepPositions.REJECTED).stream().map(StreamRecord::getValue).toList();
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo(KeepPositions.INSUFFICIENT_QUANTITY);
            assertThat(letter.payload()).contains("\"tradeId\":\"T2\"");
        });
        assertThat(PositionJson.inflate(changes().get(1).snapshot().lotsJson()).count()).isZero();
    }

    @Test
    void aMarketPriceResetsEveryPositionInItsInstrument() throws Exception {
        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY));
        harness.processElement(new StreamRecord<>(PositionCommand.of(trade("T9", TradeType.NEW_TRADE, "5", TODAY, "ACC-8:MSFT:USD")), NOW));

        harness.processBroadcastElement(new StreamRecord<>(new MarketPrice("AAPL", new BigDecimal("123.45"), "2025-06-02T20:00:00Z", "md-1"), NOW));

        List<PositionChange> resets = changes().stream().filter(change -> change.event().eventType().equals(PositionEvent.RESET)).toList();
        assertThat(resets).singleElement().satisfies(reset -> {
            assertThat(reset.event().positionKey()).isEqualTo(KEY);
            assertThat(reset.snapshot().costBasis()).isEqualByComparingTo("12345");
        });
    }

    private KeyedBroadcastOperatorTestHarness<String, PositionCommand, MarketPrice, PositionChange> open(OperatorSubtaskState restored)
            throws Exception {
        var harness = new KeyedBroadcastOperatorTestHarness<String, PositionCommand, MarketPrice, PositionChange>(
                new CoBroadcastWithKeyedOperator<>(
                        new KeepPositions(UTC, Duration.ofDays(30)), List.of(KeepPositions.PRICES)),
                (KeySelector<PositionCommand, String>) PositionCommand::positionKey, Types.STRING, 1, 1, 0);
        harness.setStateBackend(new EmbeddedRocksDBStateBackend());
        harness.setProcessingTime(NOW);
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
        return harness;
    }

    private void send(TradeEvent trade) throws Exception {
        harness.processElement(new StreamRecord<>(PositionCommand.of(trade), NOW));
    }

    private static TradeEvent trade(String id, TradeType type, String quantity, LocalDate day) {
        return trade(id, type, quantity, day, KEY);
    }

    private static TradeEvent trade(String id, TradeType type, String quantity, LocalDate day, String key) {
        return new TradeEvent(id, key, type, new BigDecimal(quantity), new BigDecimal("10"), day.toString(),
                "2025-06-02T14:30:00Z", null, "corr-" + id, null, null);
    }

    private List<PositionChange> changes() {
        return harness.extractOutputValues();
    }

    private List<PositionEvent> events() {
        return changes().stream().map(PositionChange::event).toList();
    }
}
