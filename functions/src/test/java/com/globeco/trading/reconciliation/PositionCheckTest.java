package com.globeco.trading.reconciliation;

import java.time.Instant;
import com.globeco.trading.positions.EventJson;
import com.globeco.trading.positions.Hotpath;
import com.globeco.trading.positions.LotsJson;
import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.PositionStatus;
import com.globeco.trading.positions.ReconciliationBreak;
import com.globeco.trading.positions.TaxLots;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.TradeType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PositionCheckTest {
    private static final String KEY = "ACC-1:IBM:USD";
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 10);
    private static final long NOW = 1_000_000_000L;
    private final PositionCheck check = new PositionCheck("run-1", Duration.ofMinutes(5));
    private final List<StoredEvent> events = new ArrayList<>();
    private Position position = Position.empty();

    private void trade(String id, TradeType type, String quantity, String price, LocalDate day) {
        Trade trade = new Trade(id, KEY, type, new BigDecimal(quantity), new BigDecimal(price), day,
                Instant.parse("2026-01-10T10:00:00Z"), null, "c-" + id, null, null);
        Hotpath.Applied applied = Hotpath.apply(position, KEY, trade, TODAY);
        position = applied.state();
        events.add(new StoredEvent(KEY, applied.event().eventVersion(), applied.event().eventType(), day, EventJson.payload(applied.event())));
    }

    private StoredSnapshot snapshot(PositionStatus status, TaxLots lots, Long provisionalSince) {
        return new StoredSnapshot(KEY, position.version(), status, LotsJson.write(lots), provisionalSince);
    }

    @Test
    void aReconciledSnapshotEqualToTheReplayHasNoBreak() {
        trade("T1", TradeType.NEW_TRADE, "100", "10", TODAY.minusDays(5));
        trade("T2", TradeType.DECREASE, "60", "12", TODAY.minusDays(1));

        assertThat(check.breaks(KEY, events, snapshot(PositionStatus.RECONCILED, position.lots(), null), NOW)).isEmpty();
    }

    @Test
    void eventsCommittedAfterTheSnapshotWasReadAreLeftToTheNextRunAndMissingOnesAreAWarning() {
        trade("T1", TradeType.NEW_TRADE, "100", "10", TODAY.minusDays(5));
        StoredSnapshot readBefore = snapshot(PositionStatus.RECONCILED, position.lots(), null);
        trade("T2", TradeType.DECREASE, "60", "12", TODAY.minusDays(1));
        StoredSnapshot readAfter = snapshot(PositionStatus.RECONCILED, position.lots(), null);

        assertThat(check.breaks(KEY, events, readBefore, NOW)).isEmpty();
        assertThat(check.breaks(KEY, events.subList(0, 1), readAfter, NOW)).extracting(ReconciliationBreak::kind)
                .startsWith("VERSION_MISMATCH");
    }

    @Test
    void aProvisionalSnapshotLeftInArrivalOrderIsABreakOnceReconciled() {
        trade("T1", TradeType.NEW_TRADE, "100", "10", TODAY.minusDays(5));
        trade("T2", TradeType.DECREASE, "60", "12", TODAY.minusDays(1));
        trade("T3", TradeType.NEW_TRADE, "50", "8", TODAY.minusDays(7));

        List<ReconciliationBreak> breaks = check.breaks(KEY, events, snapshot(PositionStatus.RECONCILED, position.lots(), null), NOW);

        assertThat(breaks).extracting(ReconciliationBreak::kind, ReconciliationBreak::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("COST_BASIS_MISMATCH", ReconciliationBreak.Severity.CRITICAL),
                org.assertj.core.groups.Tuple.tuple("LOT_COUNT_MISMATCH", ReconciliationBreak.Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple("MARKET_VALUE_MISMATCH", ReconciliationBreak.Severity.WARNING));
        assertThat(breaks.get(0).expected()).isEqualTo("900.0000000000000000");
        assertThat(breaks.get(0).breakId()).isEqualTo("run-1:" + KEY + ":COST_BASIS_MISMATCH");
    }

    @Test
    void aPositionProvisionalLongerThanTheSlaIsAnInfoBreak() {
        trade("T1", TradeType.NEW_TRADE, "100", "10", TODAY.minusDays(5));
        trade("T3", TradeType.NEW_TRADE, "50", "8", TODAY.minusDays(7));

        assertThat(check.breaks(KEY, events, snapshot(PositionStatus.PROVISIONAL, position.lots(), NOW - 60_000), NOW)).isEmpty();
        assertThat(check.breaks(KEY, events, snapshot(PositionStatus.PROVISIONAL, position.lots(), NOW - 600_000), NOW)).singleElement()
                .satisfies(found -> {
                    assertThat(found.kind()).isEqualTo("PROVISIONAL_AGE");
                    assertThat(found.severity()).isEqualTo(ReconciliationBreak.Severity.INFO);
                    assertThat(found.actual()).isEqualTo("PROVISIONAL for PT10M");
                });
    }

    @Test
    void eventsWithoutASnapshotAndASnapshotWithoutEventsAreCritical() {
        trade("T1", TradeType.NEW_TRADE, "100", "10", TODAY);

        assertThat(check.breaks(KEY, events, null, NOW)).extracting(ReconciliationBreak::kind).containsExactly("MISSING_SNAPSHOT");
        assertThat(check.breaks(KEY, List.of(), snapshot(PositionStatus.RECONCILED, position.lots(), null), NOW))
                .extracting(ReconciliationBreak::kind).containsExactly("EXTRA_SNAPSHOT");
    }

    @Test
    void aHistoryThatGoesBelowZeroInEffectiveDateOrderIsCritical() {
        trade("T1", TradeType.NEW_TRADE, "100", "10", TODAY.minusDays(5));
        trade("T2", TradeType.DECREASE, "60", "12", TODAY.minusDays(9));

        assertThat(check.breaks(KEY, events, snapshot(PositionStatus.RECONCILED, position.lots(), null), NOW))
                .extracting(ReconciliationBreak::kind).containsExactly("IMPOSSIBLE_HISTORY");
    }
}
