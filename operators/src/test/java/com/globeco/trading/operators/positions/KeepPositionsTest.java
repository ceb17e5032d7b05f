package com.globeco.trading.operators.positions;

import com.globeco.trading.compliance.TradeIdentifiers;
import com.globeco.trading.compliance.Uti;
import com.globeco.trading.compliance.reporting.ReportAction;
import com.globeco.trading.compliance.reporting.ReportOutcome;
import com.globeco.trading.compliance.reporting.ReportOutcomeJson;
import com.globeco.trading.compliance.reporting.ReportStatus;
import com.globeco.trading.compliance.reporting.ReportableTrade;
import com.globeco.trading.compliance.reporting.TradeReport;
import com.globeco.trading.positions.PositionCorrected;

import java.time.Instant;
import com.globeco.trading.positions.EventType;
import com.globeco.trading.positions.PositionStatus;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.positions.ProvisionalTrade;
import com.globeco.trading.positions.ContractTerms;
import com.globeco.trading.positions.Correction;
import com.globeco.trading.positions.CorrectionJson;
import com.globeco.trading.positions.CorrectionOutcome;
import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.TaxLots;
import com.globeco.trading.positions.DedupRule;
import com.globeco.trading.positions.EventJson;
import com.globeco.trading.positions.ReferencePrice;
import com.globeco.trading.positions.PositionChange;
import com.globeco.trading.positions.PositionCommand;
import com.globeco.trading.positions.PositionEvent;
import com.globeco.trading.positions.PositionSnapshot;
import com.globeco.trading.positions.LotsJson;
import com.globeco.trading.positions.TaxLotMethod;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.TradeType;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class KeepPositionsTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
    private static final long NOW = TODAY.atTime(15, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
    private static final String KEY = "ACC-7:AAPL:USD";
    private static final int MAX_PARALLELISM = 128;
    private static final TradeIdentifiers IDENTIFIERS = TradeIdentifiers.example();

    private KeyedTwoInputStreamOperatorTestHarness<String, PositionCommand, ReferencePrice, PositionChange> harness;
    private int offset;
    private long checkpoint = 100;

    @BeforeEach
    void open() throws Exception {
        harness = open(null, Duration.ofDays(30));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aTradeIsAppliedOnceEvenWhenRedeliveredAfterARestore() throws Exception {
        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY));
        restore();

        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY));
        send(trade("T2", TradeType.INCREASE, "50", TODAY));

        assertThat(events()).extracting(PositionEvent::tradeId).containsExactly("T2");
        assertThat(events().get(0).eventVersion()).isEqualTo(2);
    }

    @Test
    void aPositionTheStateHasNotReachedIsLeftAloneAndItsCommandsAreDeadLettered() throws Exception {
        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY));
        send(trade("T1", TradeType.NEW_TRADE, "10", TODAY, "ACC-8:AAPL:USD"));
        OperatorSubtaskState snapshot = harness.snapshot(1, NOW);
        harness.close();
        harness = open(snapshot, Duration.ofDays(30), 1, 0, kept -> Map.of(KEY, 3L, "ACC-9:AAPL:USD", 2L, "ACC-8:AAPL:USD", 1L));

        send(trade("T2", TradeType.INCREASE, "50", TODAY));
        send(trade("T1", TradeType.NEW_TRADE, "10", TODAY, "ACC-9:AAPL:USD"));
        price("AAPL", "190", Instant.parse("2025-06-02T15:00:00Z"));

        assertThat(events()).as("only the position the state has reached is reset").extracting(PositionEvent::positionKey)
                .containsExactly("ACC-8:AAPL:USD");
        assertThat(letters()).extracting(DeadLetter::reason).containsOnly("STATE_BEHIND_DATABASE");
        assertThat(letters()).extracting(DeadLetter::error).satisfiesExactly(
                older -> assertThat(older).contains(KEY + " at version 1, the database at 3").contains("bootstrap-positions"),
                unknown -> assertThat(unknown).contains("ACC-9:AAPL:USD at version 0, the database at 2"));
    }

    @Test
    void aPositionTheStateHasReachedIsKeptAsEverAndOnlyTheSubtasksOwnKeysAreAskedFor() throws Exception {
        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY));
        OperatorSubtaskState snapshot = harness.snapshot(1, NOW);
        harness.close();
        List<String> asked = new ArrayList<>();
        harness = open(snapshot, Duration.ofDays(30), 1, 0, kept -> {
            Stream.of(KEY, "ACC-9:AAPL:USD").filter(kept).forEach(asked::add);
            return Map.of(KEY, 1L);
        });

        send(trade("T2", TradeType.INCREASE, "50", TODAY));

        assertThat(asked).as("a single subtask keeps every key").containsExactly(KEY, "ACC-9:AAPL:USD");
        assertThat(letters()).isEmpty();
        assertThat(events()).extracting(PositionEvent::eventVersion).containsExactly(2L);
    }

    @Test
    void aTradeRedeliveredAfterTheDedupWindowIsDeadLetteredAndChangesNothing() throws Exception {
        harness.close();
        harness = open(null, Duration.ofHours(1));
        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY));

        harness.setProcessingTime(NOW + Duration.ofHours(3).toMillis());
        harness.setStateTtlProcessingTime(NOW + Duration.ofHours(3).toMillis());
        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY));

        assertThat(events()).extracting(PositionEvent::tradeId).containsExactly("T1");
        assertThat(letters()).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("BEYOND_DEDUP_WINDOW");
            assertThat(letter.sourceOffset()).as("the redelivered message's own offset").isEqualTo(1);
        });
    }

    @Test
    void aBackdatedTradeIsAppliedProvisionallyAndRoutedToTheColdpath() throws Exception {
        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY));
        send(trade("T0", TradeType.INCREASE, "10", TODAY.minusDays(2)));

        assertThat(events()).extracting(PositionEvent::eventType)
                .containsExactly(EventType.TRADE_APPLIED, EventType.PROVISIONAL_TRADE_APPLIED);
        assertThat(harness.getSideOutput(KeepPositions.BACKDATED)).extracting(StreamRecord::getValue)
                .containsExactly(new ProvisionalTrade(trade("T0", TradeType.INCREASE, "10", TODAY.minusDays(2)), 2, TaxLotMethod.FIFO));
        assertThat(harness.getSideOutput(KeepPositions.PROVISIONAL)).hasSize(1);
        assertThat(snapshotAtBarrier(KEY).status()).isEqualTo(PositionStatus.PROVISIONAL);
    }

    @Test
    void eachChangedPositionsSnapshotIsWrittenOnceAheadOfTheBarrierAfterItsLastEvent() throws Exception {
        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY));
        send(trade("T9", TradeType.NEW_TRADE, "5", TODAY, "ACC-8:MSFT:USD"));
        harness.setProcessingTime(NOW + 1_000);
        send(trade("T2", TradeType.INCREASE, "50", TODAY));

        assertThat(changes()).as("events only, until the barrier").hasOnlyElementsOfType(PositionChange.Appended.class).hasSize(3);
        assertThat(snapshotsAtBarrier()).satisfiesExactlyInAnyOrder(
                traded -> {
                    assertThat(traded.positionKey()).isEqualTo(KEY);
                    assertThat(traded.version()).isEqualTo(2);
                    assertThat(traded.openQuantity()).isEqualByComparingTo("150");
                    assertThat(traded.updatedAtMillis()).as("when its last event was applied").isEqualTo(NOW + 1_000);
                },
                other -> assertThat(other.version()).isEqualTo(1));
        send(trade("T3", TradeType.INCREASE, "1", TODAY));
        assertThat(snapshotsAtBarrier()).extracting(PositionSnapshot::positionKey).as("only the position changed since").containsExactly(KEY);
        assertThat(snapshotsAtBarrier()).isEmpty();
    }

    @Test
    void aCorrectionReplacesTheProvisionalLotsAndKeepsWhatWasAppliedSince() throws Exception {
        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY.minusDays(5)));
        send(trade("T2", TradeType.DECREASE, "60", TODAY.minusDays(1)));
        send(trade("T3", TradeType.NEW_TRADE, "50", TODAY.minusDays(7)));
        send(trade("T4", TradeType.INCREASE, "10", TODAY));
        TaxLots truthAsOf3 = TaxLots.none().open("T1", TODAY.minusDays(5), BigDecimal.TEN, new BigDecimal("90"));

        correct(new Correction(KEY, 3, CorrectionOutcome.CORRECTED, truthAsOf3, BigDecimal.ZERO, new String[] {"T3"}, null, "corr-T3"));

        PositionEvent corrected = events().get(events().size() - 1);
        assertThat(corrected.eventType()).isEqualTo(EventType.HISTORICAL_POSITION_CORRECTED);
        assertThat(corrected.eventVersion()).isEqualTo(5);
        assertThat(((PositionCorrected) corrected.payload()).replacesVersion()).isEqualTo(3);
        PositionSnapshot snapshot = snapshotAtBarrier(KEY);
        assertThat(snapshot.version()).isEqualTo(5);
        assertThat(snapshot.status()).isEqualTo(PositionStatus.RECONCILED);
        assertThat(LotsJson.read(snapshot.lotsJson()).ids()).containsExactly("T1", "T4");
        assertThat(snapshot.openQuantity()).isEqualByComparingTo("100");
        assertThat(harness.getSideOutput(KeepPositions.CORRECTED)).extracting(record -> record.getValue().eventVersion()).containsExactly(5L);
        assertThat(harness.getSideOutput(KeepPositions.CONTRACT_REQUESTS)).extracting(record -> record.getValue().tradeId())
                .as("the backdated trade's contract once corrected").containsExactly("T1", "T2", "T4", "T3");
    }

    @Test
    void aRedeliveredCorrectionSettlesNothingAndChangesNothing() throws Exception {
        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY.minusDays(5)));
        send(trade("T3", TradeType.NEW_TRADE, "50", TODAY.minusDays(7)));
        Correction correction = new Correction(KEY, 2, CorrectionOutcome.CORRECTED,
                TaxLots.none().open("T3", TODAY.minusDays(7), BigDecimal.TEN, new BigDecimal("50"))
                        .open("T1", TODAY.minusDays(5), BigDecimal.TEN, new BigDecimal("100")),
                BigDecimal.ZERO, new String[] {"T3"}, null, "corr-T3");
        correct(correction);
        assertThat(events()).extracting(PositionEvent::eventVersion).containsExactly(1L, 2L, 3L);
        restore();

        correct(correction);

        assertThat(events()).as("nothing after the restore").isEmpty();
    }

    @Test
    void aRefusedCorrectionLeavesThePositionProvisional() throws Exception {
        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY.minusDays(5)));
        send(trade("T3", TradeType.DECREASE, "50", TODAY.minusDays(7)));

        correct(Correction.refused(KEY, 2, new String[] {"T3"}, "finds 0 open", "corr-T3"));
        send(trade("T4", TradeType.INCREASE, "10", TODAY));

        assertThat(events()).extracting(PositionEvent::eventType).containsExactly(EventType.TRADE_APPLIED,
                EventType.PROVISIONAL_TRADE_APPLIED, EventType.TRADE_APPLIED);
        assertThat(snapshotAtBarrier(KEY).status()).isEqualTo(PositionStatus.PROVISIONAL);
        assertThat(harness.getSideOutput(KeepPositions.CORRECTED)).isNullOrEmpty();
    }

    @Test
    void aForwardDatedTradeIsAppliedOnTheHotpath() throws Exception {
        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY.plusDays(3)));

        assertThat(EventJson.payload(events().get(0))).contains("\"sequenceStatus\":\"FORWARD_DATED\"");
        assertThat(harness.getSideOutput(KeepPositions.BACKDATED)).isNullOrEmpty();
    }

    @Test
    void theContractsMethodDecidesWhichLotsADecreaseConsumes() throws Exception {
        harness.processElement1(new StreamRecord<>(PositionCommand.of(new ContractTerms(KEY, "C-1", TaxLotMethod.LIFO), null), NOW));
        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY.minusDays(1)));
        send(trade("T2", TradeType.INCREASE, "100", TODAY));
        send(trade("T3", TradeType.DECREASE, "30", TODAY));

        assertThat(EventJson.payload(events().get(2))).contains("\"lotId\":\"T2\"").doesNotContain("\"lotId\":\"T1\"");
    }

    @Test
    void anOversizedDecreaseIsDeadLetteredWithItsKafkaMessageAndTheJobGoesOn() throws Exception {
        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY));
        send(trade("T2", TradeType.DECREASE, "100.5", TODAY));
        send(trade("T3", TradeType.DECREASE, "100", TODAY));

        assertThat(letters()).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("INSUFFICIENT_QUANTITY");
            assertThat(letter.sourceTopic()).isEqualTo("trade-events");
            assertThat(letter.sourceOffset()).isEqualTo(1);
            assertThat(letter.payload()).isEqualTo("{\"original\":\"T2\"}");
        });
        assertThat(LotsJson.read(snapshotAtBarrier(KEY).lotsJson()).count()).isZero();
    }

    @Test
    void anUnexpectedErrorWhileJudgingATradeDeadLettersItAndLeavesThePositionAsItWas() throws Exception {
        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY));
        send(new Trade("T2", KEY, TradeType.INCREASE, BigDecimal.ONE, BigDecimal.TEN, null, Instant.parse("2025-06-02T14:30:00Z"),
                null, "corr-T2", null, null));
        send(trade("T3", TradeType.INCREASE, "5", TODAY));

        assertThat(letters()).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("PROCESSING_ERROR");
            assertThat(letter.error()).startsWith("java.lang.NullPointerException");
        });
        assertThat(events()).extracting(PositionEvent::tradeId).containsExactly("T1", "T3");
        assertThat(events().get(1).eventVersion()).isEqualTo(2);
    }

    @Test
    void aMarketPriceResetsThePositionsOfItsInstrumentOnlyAndKeepsTheirCost() throws Exception {
        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY));
        send(trade("T9", TradeType.NEW_TRADE, "5", TODAY, "ACC-8:MSFT:USD"));

        price("AAPL", "123.45", Instant.parse("2025-06-02T20:00:00Z"));

        assertThat(resets()).singleElement().satisfies(reset -> {
            assertThat(reset.positionKey()).isEqualTo(KEY);
            assertThat(EventJson.payload(reset)).contains("\"resetPnl\":\"11345.0000000000000000\"");
        });
        assertThat(snapshotAtBarrier(KEY).costBasis()).isEqualByComparingTo("1000");
        assertThat(snapshotsAtBarrier()).as("nothing changed since the last barrier").isEmpty();
    }

    @Test
    void aPriceNoNewerThanTheLastOneOfItsInstrumentIsIgnored() throws Exception {
        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY));

        price("AAPL", "12", Instant.parse("2025-06-02T20:00:00Z"));
        price("AAPL", "11", Instant.parse("2025-06-02T19:00:00Z"));
        price("AAPL", "13", Instant.parse("2025-06-02T20:00:00Z"));

        assertThat(resets()).hasSize(1);
        assertThat(snapshotAtBarrier(KEY).marketValue()).isEqualByComparingTo("1200");
    }

    @Test
    void aRestoredOperatorFindsItsPositionsForPricesAndForgetsClosedOnes() throws Exception {
        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY));
        send(trade("T2", TradeType.NEW_TRADE, "7", TODAY, "ACC-9:AAPL:USD"));
        send(trade("T3", TradeType.DECREASE, "7", TODAY, "ACC-9:AAPL:USD"));
        restore();

        price("AAPL", "12", Instant.parse("2025-06-02T20:00:00Z"));
        price("AAPL", "13", Instant.parse("2025-06-02T21:00:00Z"));

        assertThat(resets()).extracting(PositionEvent::positionKey).containsExactly(KEY, KEY);
        assertThat(resets().get(1).eventVersion()).isEqualTo(3);
    }

    @Test
    void afterRescalingToTwoSubtasksEachKnowsItsPositionsTradesAndInstruments() throws Exception {
        List<String> keys = List.of(KEY, "ACC-8:AAPL:USD", "ACC-9:AAPL:USD", "ACC-10:MSFT:USD", "ACC-11:AAPL:USD");
        for (int position = 0; position < keys.size(); position++) {
            send(trade("T" + position, TradeType.NEW_TRADE, "10", TODAY, keys.get(position)));
        }
        OperatorSubtaskState snapshot = harness.snapshot(1, NOW);
        harness.close();

        int appliedAgain = 0;
        int resets = 0;
        for (int subtask = 0; subtask < 2; subtask++) {
            harness = open(AbstractStreamOperatorTestHarness.repartitionOperatorState(snapshot, MAX_PARALLELISM, 1, 2, subtask),
                    Duration.ofDays(30), 2, subtask);
            for (int position = 0; position < keys.size(); position++) {
                if (KeyGroupRangeAssignment.assignKeyToParallelOperator(keys.get(position), MAX_PARALLELISM, 2) == subtask) {
                    send(trade("T" + position, TradeType.NEW_TRADE, "10", TODAY, keys.get(position)));
                }
            }
            price("AAPL", "12", Instant.parse("2025-06-02T20:00:00Z"));
            appliedAgain += (int) events().stream().filter(event -> !event.eventType().equals(EventType.RESET)).count();
            resets += resets().size();
            harness.close();
        }
        harness = open(null, Duration.ofDays(30));

        assertThat(appliedAgain).as("no trade is applied twice after rescaling").isZero();
        assertThat(resets).as("each AAPL position is reset once, by the subtask that now holds it").isEqualTo(4);
    }

    @Test
    void aReportOutcomeBecomesThePositionsEventAndOneOfATradeThePositionDoesNotHoldIsDeadLettered() throws Exception {
        send(trade("T1", TradeType.NEW_TRADE, "100", TODAY));

        report(outcome(KEY, "T1", IDENTIFIERS.uti(KEY, "T1")));
        report(outcome("ACC-9:AAPL:USD", "T1", IDENTIFIERS.uti("ACC-9:AAPL:USD", "T1")));
        report(outcome(KEY, "T1", IDENTIFIERS.uti(KEY, "T2")));

        assertThat(events()).extracting(PositionEvent::eventType).containsExactly(EventType.TRADE_APPLIED, EventType.REGULATORY_REPORT_SUBMITTED);
        assertThat(events().get(1).eventVersion()).isEqualTo(2);
        assertThat(letters()).extracting(DeadLetter::reason).containsExactly("REPORT_OF_UNKNOWN_TRADE", "REPORT_OF_UNKNOWN_TRADE");
        assertThat(letters()).extracting(DeadLetter::error).satisfiesExactly(
                noTrade -> assertThat(noTrade).contains("ACC-9:AAPL:USD, which holds no trade here"),
                otherUti -> assertThat(otherUti).contains("but trade T1 of " + KEY + " is " + IDENTIFIERS.uti(KEY, "T1").value()));
    }

    private void restore() throws Exception {
        OperatorSubtaskState snapshot = harness.snapshot(1, NOW);
        harness.close();
        harness = open(snapshot, Duration.ofDays(30));
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, PositionCommand, ReferencePrice, PositionChange> open(
            OperatorSubtaskState restored, Duration dedupWindow) throws Exception {
        return open(restored, dedupWindow, 1, 0, StoredVersions.none());
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, PositionCommand, ReferencePrice, PositionChange> open(
            OperatorSubtaskState restored, Duration dedupWindow, int parallelism, int subtask) throws Exception {
        return open(restored, dedupWindow, parallelism, subtask, StoredVersions.none());
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, PositionCommand, ReferencePrice, PositionChange> open(
            OperatorSubtaskState restored, Duration dedupWindow, int parallelism, int subtask, StoredVersions stored) throws Exception {
        var harness = new KeyedTwoInputStreamOperatorTestHarness<String, PositionCommand, ReferencePrice, PositionChange>(
                new KeepPositions(UTC, new DedupRule(dedupWindow, Duration.ofHours(1)), stored, TradeIdentifiers.example()),
                (KeySelector<PositionCommand, String>) PositionCommand::positionKey,
                priceKeyOwnedBy(parallelism, subtask), Types.STRING, MAX_PARALLELISM, parallelism, subtask);
        harness.setup(TypeInformation.of(PositionChange.class).createSerializer(new SerializerConfigImpl()));
        harness.setStateBackend(new EmbeddedRocksDBStateBackend());
        harness.setProcessingTime(NOW);
        harness.setStateTtlProcessingTime(NOW);
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
        return harness;
    }

    /**
     * The harness keys its second input too, where the job broadcasts it: prices get a key the subtask owns,
     * and the operator sets each position's key itself.
     */
    private static KeySelector<ReferencePrice, String> priceKeyOwnedBy(int parallelism, int subtask) {
        String owned = java.util.stream.IntStream.iterate(0, n -> n + 1).mapToObj(n -> "price-key-" + n)
                .filter(key -> KeyGroupRangeAssignment.assignKeyToParallelOperator(key, MAX_PARALLELISM, parallelism) == subtask)
                .findFirst().orElseThrow();
        return price -> owned;
    }

    private void send(Trade trade) throws Exception {
        SourceMessage message = new SourceMessage("trade-events", 0, offset++, NOW, "{\"original\":\"" + trade.tradeId() + "\"}");
        harness.processElement1(new StreamRecord<>(PositionCommand.of(trade, message), NOW));
    }

    private void report(ReportOutcome outcome) throws Exception {
        SourceMessage message = new SourceMessage("regulatory-report-outcomes", 0, offset++, NOW, ReportOutcomeJson.write(outcome));
        harness.processElement1(new StreamRecord<>(new PositionCommand.RecordReport(outcome, message), NOW));
    }

    private static ReportOutcome outcome(String key, String tradeId, Uti uti) {
        Instant answeredAt = Instant.ofEpochMilli(NOW);
        ReportableTrade trade = new ReportableTrade(key, tradeId, uti, TradeType.NEW_TRADE, new BigDecimal("100"), BigDecimal.TEN, TODAY,
                answeredAt, false, "trader-1", "corr-" + tradeId);
        TradeReport report = new TradeReport(trade, IDENTIFIERS.usi(key, tradeId), 1, ReportAction.NEW, false, "service:regulatory-reporting",
                answeredAt);
        return new ReportOutcome(report, ReportStatus.ACKNOWLEDGED, "SUB-1", null, null, 1, answeredAt);
    }

    private void correct(Correction correction) throws Exception {
        SourceMessage message = new SourceMessage("position-corrections", 0, offset++, NOW, CorrectionJson.write(correction));
        harness.processElement1(new StreamRecord<>(PositionCommand.of(correction, message), NOW));
    }

    private void price(String instrument, String price, Instant asOf) throws Exception {
        harness.processElement2(new StreamRecord<>(new ReferencePrice(instrument, new BigDecimal(price), asOf, "md-" + asOf), NOW));
    }

    private static Trade trade(String id, TradeType type, String quantity, LocalDate day) {
        return trade(id, type, quantity, day, KEY);
    }

    private static Trade trade(String id, TradeType type, String quantity, LocalDate day, String key) {
        return new Trade(id, key, type, new BigDecimal(quantity), new BigDecimal("10"), day,
                Instant.parse("2025-06-02T14:30:00Z"), null, "corr-" + id, null, null);
    }

    private List<PositionChange> changes() {
        return harness.extractOutputValues();
    }

    private List<PositionEvent> resets() {
        return events().stream().filter(event -> event.eventType().equals(EventType.RESET)).toList();
    }

    private List<PositionEvent> events() {
        return changes().stream().filter(PositionChange.Appended.class::isInstance).map(PositionChange.Appended.class::cast)
                .map(PositionChange.Appended::event).toList();
    }

    /** The snapshots the operator writes ahead of the next checkpoint barrier. */
    private List<PositionSnapshot> snapshotsAtBarrier() throws Exception {
        int before = changes().size();
        harness.prepareSnapshotPreBarrier(++checkpoint);
        List<PositionChange> written = changes();
        assertThat(written.subList(before, written.size())).hasOnlyElementsOfType(PositionChange.Snapshotted.class);
        return written.subList(before, written.size()).stream().map(PositionChange.Snapshotted.class::cast)
                .map(PositionChange.Snapshotted::snapshot).toList();
    }

    private PositionSnapshot snapshotAtBarrier(String positionKey) throws Exception {
        List<PositionSnapshot> snapshots = snapshotsAtBarrier().stream().filter(snapshot -> snapshot.positionKey().equals(positionKey)).toList();
        assertThat(snapshots).as("one snapshot of a changed position per checkpoint").hasSize(1);
        return snapshots.get(0);
    }

    private List<DeadLetter> letters() {
        var letters = harness.getSideOutput(KeepPositions.REJECTED);
        return letters == null ? List.of() : letters.stream().map(StreamRecord::getValue).toList();
    }
}
