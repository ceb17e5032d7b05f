package com.globeco.trading.positions;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hotpath applies trades as they arrive, backdated ones provisionally; the coldpath replays the
 * event stream up to a provisional version; the hotpath adopts the correction on top of what it applied
 * meanwhile. After every correction has landed, the position equals the oracle's replay of its history in
 * effective-date order and is RECONCILED, or the last correction was refused and the oracle agrees that the
 * history it replayed is impossible.
 */
class BackdatedCorrectionsPropertyTest {
    private static final String KEY = "ACC-1:IBM:USD";
    private static final LocalDate BUSINESS_DATE = LocalDate.of(2030, 1, 1);

    @Property(tries = 400)
    void afterEveryCorrectionThePositionIsTheReplayOfItsHistoryInEffectiveDateOrder(
            @ForAll long seed, @ForAll TaxLotMethod method, @ForAll @IntRange(min = 1, max = 20) int backdatedPercent) {
        Random random = new Random(seed);
        Run run = new Run(method);
        int trades = 5 + random.nextInt(60);
        for (int step = 0; step < trades; step++) {
            if (random.nextInt(10) == 0) {
                run.reset(price(random));
            } else {
                run.trade(step, random, backdatedPercent);
            }
            if (random.nextInt(3) == 0) {
                run.coldpathReplays();
            }
            if (random.nextInt(3) == 0) {
                run.hotpathAdopts();
            }
        }
        run.coldpathReplays();
        run.hotpathAdopts();

        run.refusedVersions.forEach(version -> assertThat(run.oracleUpTo(version).rejected())
                .as("a refused correction replays an impossible history").isPositive());
        if (run.lastOutcome == null) {
            assertThat(run.position.status()).isEqualTo(PositionStatus.RECONCILED);
        } else {
            assertThat(run.position.status()).isEqualTo(run.lastOutcome == CorrectionOutcome.CORRECTED
                    ? PositionStatus.RECONCILED : PositionStatus.PROVISIONAL);
        }
        if (run.position.status().equals(PositionStatus.RECONCILED)) {
            LotReplayOracle.Outcome truth = run.oracleUpTo(Long.MAX_VALUE);
            assertThat(truth.rejected()).isZero();
            assertSameLots(run.position.lots(), truth.openLots());
            assertThat(run.recordedRealizedPnl().add(run.adjustment)).isEqualByComparingTo(truth.realizedPnl());
        }
        assertThat(run.outstanding).isEmpty();
        assertThat(run.journal).isEmpty();
    }

    private static BigDecimal price(Random random) {
        return BigDecimal.valueOf(100 + random.nextInt(4900), 2);
    }

    private static void assertSameLots(TaxLots lots, List<LotReplayOracle.Lot> expected) {
        assertThat(lots.ids()).containsExactlyElementsOf(expected.stream().map(lot -> lot.id).toList());
        for (int lot = 0; lot < lots.count(); lot++) {
            LotReplayOracle.Lot want = expected.get(lot);
            assertThat(LocalDate.ofEpochDay(lots.tradeDays()[lot])).isEqualTo(want.date);
            assertThat(TaxLots.decimal(lots.quantities()[lot])).isEqualByComparingTo(want.remaining);
            assertThat(TaxLots.decimal(lots.costPrices()[lot])).isEqualByComparingTo(want.price);
            assertThat(TaxLots.decimal(lots.referencePrices()[lot])).isEqualByComparingTo(want.reference);
        }
    }

    /** One position through the hotpath and the coldpath, with the oracle's record of its history. */
    private static final class Run {
        Position position;
        final List<PositionEvent> eventStore = new ArrayList<>();
        final TreeMap<Long, Trade> outstanding = new TreeMap<>();
        List<Journaled> journal = new ArrayList<>();
        BigDecimal adjustment = BigDecimal.ZERO;
        final List<Long> requested = new ArrayList<>();
        final List<Correction> inFlight = new ArrayList<>();
        final List<Long> refusedVersions = new ArrayList<>();
        CorrectionOutcome lastOutcome;
        final List<LotReplayOracle.Dated> history = new ArrayList<>();
        final List<Long> historyVersions = new ArrayList<>();
        LocalDate latest = LocalDate.of(2026, 1, 10);

        Run(TaxLotMethod method) {
            position = Position.empty().withMethod(method);
        }

        void trade(int step, Random random, int backdatedPercent) {
            boolean backdated = position.latestEffectiveDate() != null && random.nextInt(100) < backdatedPercent;
            LocalDate date = backdated ? latest.minusDays(1 + random.nextInt(10)) : latest.plusDays(random.nextInt(3));
            boolean decrease = random.nextInt(100) < 40;
            BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(decrease ? 120 : 100));
            BigDecimal price = price(random);
            Trade trade = new Trade("T" + step, KEY, decrease ? TradeType.DECREASE : TradeType.NEW_TRADE, quantity, price,
                    date, Instant.parse("2026-01-01T00:00:00Z"), null, "c" + step, null, null);
            Hotpath.Applied applied;
            try {
                applied = Hotpath.apply(position, KEY, trade, BUSINESS_DATE);
            } catch (TradeRejectedException rejected) {
                return;
            }
            long version = applied.state().version();
            if (!outstanding.isEmpty()) {
                journal.add(Journaled.trade(version, trade, position.method(), ((TradeApplied) applied.event().payload()).realizedPnl()));
            }
            if (applied.sequence() == SequenceStatus.BACKDATED) {
                outstanding.put(version, trade);
                requested.add(version);
            } else {
                latest = date;
            }
            history.add(new LotReplayOracle.Dated(date, decrease ? new LotReplayOracle.Decrease(quantity, price)
                    : new LotReplayOracle.Open(trade.tradeId(), date, price, quantity)));
            historyVersions.add(version);
            record(applied);
        }

        void reset(BigDecimal price) {
            if (position.lots().count() == 0) {
                return;
            }
            Hotpath.Applied applied = Hotpath.reset(position, KEY, new ReferencePrice("IBM", price, Instant.parse("2026-01-01T00:00:00Z"), "reset"));
            if (!outstanding.isEmpty()) {
                journal.add(Journaled.reset(applied.state().version(), price));
            }
            history.add(new LotReplayOracle.Dated(position.latestEffectiveDate(), new LotReplayOracle.Reset(price)));
            historyVersions.add(applied.state().version());
            record(applied);
        }

        private void record(Hotpath.Applied applied) {
            position = applied.state();
            eventStore.add(applied.event());
        }

        /** The coldpath: one replay for every backdated trade requested so far, from the event store as written. */
        void coldpathReplays() {
            if (requested.isEmpty()) {
                return;
            }
            long asOf = requested.stream().mapToLong(Long::longValue).max().orElseThrow();
            String[] tradeIds = requested.stream().map(version -> outstanding.get(version).tradeId()).toArray(String[]::new);
            requested.clear();
            StoredEventReader reader = new StoredEventReader(position.method());
            List<HistoryStep> steps = eventStore.stream().filter(event -> event.eventVersion() <= asOf)
                    .map(event -> reader.step(event.eventVersion(), event.eventType(),
                            event.effectiveDate(), EventJson.payload(event)))
                    .flatMap(Optional::stream)
                    .toList();
            try {
                inFlight.add(Correction.corrected(KEY, asOf, Replay.of(steps), tradeIds, "c"));
            } catch (ImpossibleHistoryException impossible) {
                inFlight.add(Correction.refused(KEY, asOf, tradeIds, impossible.getMessage(), "c"));
            }
        }

        /** The hotpath, as KeepPositions adopts corrections. */
        void hotpathAdopts() {
            for (Correction correction : inFlight) {
                List<Long> settled = OutstandingTrades.settledBy(correction.asOfVersion(), outstanding.keySet());
                if (settled.isEmpty()) {
                    continue;
                }
                settled.forEach(outstanding::remove);
                if (correction.applicable()) {
                    Hotpath.Applied adopted = Hotpath.adopt(position, correction, journal, adjustment, outstanding.isEmpty(), Instant.parse("2026-01-02T00:00:00Z"));
                    adjustment = ((PositionCorrected) adopted.event().payload()).realizedPnlAdjustment();
                    record(adopted);
                } else {
                    refusedVersions.add(correction.asOfVersion());
                }
                lastOutcome = correction.outcome();
                journal = new ArrayList<>(OutstandingTrades.kept(journal, outstanding.keySet()));
            }
            inFlight.clear();
        }

        LotReplayOracle.Outcome oracleUpTo(long version) {
            List<LotReplayOracle.Dated> upTo = new ArrayList<>();
            for (int index = 0; index < history.size(); index++) {
                if (historyVersions.get(index) <= version) {
                    upTo.add(history.get(index));
                }
            }
            return LotReplayOracle.truth(upTo, position.method());
        }

        BigDecimal recordedRealizedPnl() {
            return eventStore.stream().map(PositionEvent::payload).filter(TradeApplied.class::isInstance).map(TradeApplied.class::cast)
                    .filter(applied -> applied.realizedPnl() != null)
                    .map(TradeApplied::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }
}
