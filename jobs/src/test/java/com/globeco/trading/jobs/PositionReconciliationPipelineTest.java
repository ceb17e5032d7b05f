package com.globeco.trading.jobs;

import com.globeco.trading.jobs.pipeline.BoundedSources;
import com.globeco.trading.jobs.pipeline.CollectingSink;
import com.globeco.trading.jobs.pipeline.Pipeline;
import com.globeco.trading.positions.EventJson;
import com.globeco.trading.positions.Hotpath;
import com.globeco.trading.positions.LotsJson;
import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.PositionStatus;
import com.globeco.trading.positions.ReconciliationBreak;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.TradeType;
import com.globeco.trading.reconciliation.PositionCheck;
import com.globeco.trading.reconciliation.StoredEvent;
import com.globeco.trading.reconciliation.StoredSnapshot;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The position-reconciliation batch job through its seam: event store and snapshot store rows from collections,
 * the breaks collected in memory. Each position of the run stands for one branch of the check.
 */
class PositionReconciliationPipelineTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(1, 2);

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 10);
    private static final long AS_OF = 1_800_000_000_000L;
    private static final String RUN = "run-pipeline";

    private final List<StoredEvent> events = new ArrayList<>();
    private final List<StoredSnapshot> snapshots = new ArrayList<>();

    @Test
    void eachPositionIsReplayedAndComparedWithItsSnapshotAndOnlyTheDifferencesAreBreaks() throws Exception {
        Book matching = new Book("ACC-1:IBM:USD")
                .trade("T1", TradeType.NEW_TRADE, "100", "10", TODAY.minusDays(5))
                .trade("T2", TradeType.DECREASE, "60", "12", TODAY.minusDays(1));
        snapshots.add(matching.snapshot(PositionStatus.RECONCILED, null));
        Book leftInArrivalOrder = new Book("ACC-2:IBM:USD")
                .trade("T3", TradeType.NEW_TRADE, "100", "10", TODAY.minusDays(5))
                .trade("T4", TradeType.DECREASE, "60", "12", TODAY.minusDays(1))
                .trade("T5", TradeType.NEW_TRADE, "50", "8", TODAY.minusDays(7));
        snapshots.add(leftInArrivalOrder.snapshot(PositionStatus.RECONCILED, null));
        new Book("ACC-3:IBM:USD").trade("T6", TradeType.NEW_TRADE, "10", "10", TODAY);
        Book withoutEvents = new Book("ACC-4:IBM:USD").trade("T7", TradeType.NEW_TRADE, "10", "10", TODAY);
        events.removeIf(event -> event.positionKey().equals(withoutEvents.key));
        snapshots.add(withoutEvents.snapshot(PositionStatus.RECONCILED, null));
        Book provisionalTooLong = new Book("ACC-5:IBM:USD")
                .trade("T8", TradeType.NEW_TRADE, "100", "10", TODAY.minusDays(5))
                .trade("T9", TradeType.NEW_TRADE, "50", "8", TODAY.minusDays(7));
        snapshots.add(provisionalTooLong.snapshot(PositionStatus.PROVISIONAL, AS_OF - Duration.ofMinutes(10).toMillis()));
        Book provisionalWithinSla = new Book("ACC-6:IBM:USD")
                .trade("T10", TradeType.NEW_TRADE, "100", "10", TODAY.minusDays(5))
                .trade("T11", TradeType.NEW_TRADE, "50", "8", TODAY.minusDays(7));
        snapshots.add(provisionalWithinSla.snapshot(PositionStatus.PROVISIONAL, AS_OF - Duration.ofMinutes(1).toMillis()));
        Book impossible = new Book("ACC-7:IBM:USD")
                .trade("T12", TradeType.NEW_TRADE, "100", "10", TODAY.minusDays(5))
                .trade("T13", TradeType.DECREASE, "60", "12", TODAY.minusDays(9));
        snapshots.add(impossible.snapshot(PositionStatus.RECONCILED, null));

        List<ReconciliationBreak> breaks = run();

        Map<String, List<String>> kinds = breaks.stream().collect(Collectors.groupingBy(ReconciliationBreak::positionKey,
                Collectors.mapping(ReconciliationBreak::kind, Collectors.toList())));
        assertThat(kinds).containsOnlyKeys("ACC-2:IBM:USD", "ACC-3:IBM:USD", "ACC-4:IBM:USD", "ACC-5:IBM:USD", "ACC-7:IBM:USD");
        assertThat(kinds.get("ACC-2:IBM:USD")).containsExactlyInAnyOrder("COST_BASIS_MISMATCH", "LOT_COUNT_MISMATCH", "MARKET_VALUE_MISMATCH");
        assertThat(kinds.get("ACC-3:IBM:USD")).containsExactly("MISSING_SNAPSHOT");
        assertThat(kinds.get("ACC-4:IBM:USD")).containsExactly("EXTRA_SNAPSHOT");
        assertThat(kinds.get("ACC-5:IBM:USD")).containsExactly("PROVISIONAL_AGE");
        assertThat(kinds.get("ACC-7:IBM:USD")).containsExactly("IMPOSSIBLE_HISTORY");
        assertThat(breaks).allSatisfy(found -> {
            assertThat(found.runId()).isEqualTo(RUN);
            assertThat(found.breakId()).isEqualTo(RUN + ":" + found.positionKey() + ":" + found.kind());
        });
        assertThat(breaks).filteredOn(found -> found.positionKey().equals("ACC-5:IBM:USD")).singleElement()
                .satisfies(found -> assertThat(found.severity()).isEqualTo(ReconciliationBreak.Severity.INFO));
    }

    @Test
    void aRunOverEmptyStoresFindsNoBreak() throws Exception {
        assertThat(run()).isEmpty();
    }

    private List<ReconciliationBreak> run() throws Exception {
        CollectingSink<ReconciliationBreak> breaks = new CollectingSink<>();
        PositionReconciliationJob.Wiring wiring = new PositionReconciliationJob.Wiring(
                BoundedSources.of(StoredEvent.class, events), BoundedSources.of(StoredSnapshot.class, snapshots), breaks,
                new PositionCheck(RUN, Duration.ofMinutes(5)), OutsideSources.none(RUN, Duration.ofMinutes(5)), AS_OF, Pipeline.readiness());
        Pipeline.run(PositionReconciliationJob.NAME, 2, env -> PositionReconciliationJob.define(env, wiring));
        return breaks.received();
    }

    /** A position as the hotpath keeps it (its book), its events added to the event store as they are applied. */
    private final class Book {
        private final String key;
        private Position state = Position.empty();

        Book(String key) {
            this.key = key;
        }

        Book trade(String id, TradeType type, String quantity, String price, LocalDate day) {
            Trade trade = new Trade(id, key, type, new BigDecimal(quantity), new BigDecimal(price), day,
                    Instant.parse("2026-01-10T10:00:00Z"), null, "c-" + id, null, null);
            Hotpath.Applied applied = Hotpath.apply(state, key, trade, TODAY);
            state = applied.state();
            events.add(new StoredEvent(key, applied.event().eventVersion(), applied.event().eventType(), day, EventJson.payload(applied.event())));
            return this;
        }

        StoredSnapshot snapshot(PositionStatus status, Long provisionalSince) {
            return new StoredSnapshot(key, state.version(), status, LotsJson.write(state.lots()), provisionalSince);
        }
    }
}
