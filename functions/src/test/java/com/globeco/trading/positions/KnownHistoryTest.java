package com.globeco.trading.positions;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnownHistoryTest {
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 3, 3);

    /** A trade as generated: dated, in a history that never goes below zero in effective-date order. */
    record Dated(LocalDate day, TradeType type, long quantity, long price) {}

    @Property(tries = 200)
    void asOfADateIsTheReplayOfTheTradesDatedByThenWhateverTheirArrivalOrder(@ForAll("histories") List<Dated> history, @ForAll long seed) {
        List<Dated> arrival = shuffled(history, seed);
        KnownHistory known = known(arrival);
        LocalDate cut = history.get(new Random(seed).nextInt(history.size())).day();

        Replay.Result asOf = known.asOf(cut);
        Replay.Result expected = Replay.of(steps(arrival.stream().filter(trade -> !trade.day().isAfter(cut)).toList(), arrival));

        assertThat(asOf.lots()).isEqualTo(expected.lots());
        assertThat(asOf.realizedPnl()).isEqualByComparingTo(expected.realizedPnl());
        assertThat(known.asOf(null).lots()).isEqualTo(Replay.of(steps(arrival, arrival)).lots());
    }

    @Property(tries = 200)
    void realizedPnlOverAdjacentPeriodsAddsUpToTheirUnion(@ForAll("histories") List<Dated> history, @ForAll long seed) {
        KnownHistory known = known(shuffled(history, seed));
        LocalDate last = history.get(history.size() - 1).day();
        LocalDate split = FIRST_DAY.plusDays(new Random(seed).nextInt((int) (last.toEpochDay() - FIRST_DAY.toEpochDay()) + 1));

        BigDecimal before = known.realizedBetween(FIRST_DAY, split);
        BigDecimal after = known.realizedBetween(split.plusDays(1), last);

        assertThat(before.add(after)).isEqualByComparingTo(known.realizedBetween(FIRST_DAY, last));
        assertThat(known.realizedBetween(FIRST_DAY, last)).isEqualByComparingTo(known.asOf(null).realizedPnl());
    }

    @Example
    void aBackdatedTradeIsOutstandingUntilACorrectionReplacesItsVersion() {
        KnownHistory known = new KnownHistory();
        known.add(1, EventType.TRADE_APPLIED, FIRST_DAY.plusDays(5), trade("T1", TradeType.NEW_TRADE, 100, 10));
        known.add(2, EventType.PROVISIONAL_TRADE_APPLIED, FIRST_DAY, trade("T2", TradeType.INCREASE, 50, 8));
        known.add(3, EventType.PROVISIONAL_TRADE_APPLIED, FIRST_DAY.plusDays(1), trade("T3", TradeType.INCREASE, 5, 9));

        assertThat(known.outstanding()).extracting(KnownHistory.OutstandingTrade::tradeId).containsExactly("T2", "T3");

        known.add(4, EventType.HISTORICAL_POSITION_CORRECTED, null, "{\"replacesVersion\":2,\"backdatedTradeIds\":[\"T2\"]}");
        known.add(5, EventType.REGULATORY_REPORT_SUBMITTED, FIRST_DAY, "{\"reportId\":\"R1\"}");

        assertThat(known.outstanding()).singleElement().satisfies(trade -> {
            assertThat(trade.tradeId()).isEqualTo("T3");
            assertThat(trade.version()).isEqualTo(3);
            assertThat(trade.effectiveDate()).isEqualTo(FIRST_DAY.plusDays(1));
        });
        assertThat(known.lastVersion()).isEqualTo(5);
        assertThat(known.stepCount()).as("trades and resets only").isEqualTo(3);
        assertThat(known.asOf(FIRST_DAY).lots().openQuantity()).isEqualByComparingTo("50");
    }

    @Example
    void aHistoryThatGoesBelowZeroInEffectiveDateOrderIsImpossibleAsOfAnyLaterDate() {
        KnownHistory known = new KnownHistory();
        known.add(1, EventType.TRADE_APPLIED, FIRST_DAY.plusDays(2), trade("T1", TradeType.NEW_TRADE, 10, 10));
        known.add(2, EventType.PROVISIONAL_TRADE_APPLIED, FIRST_DAY, trade("T2", TradeType.DECREASE, 5, 12));

        assertThatThrownBy(() -> known.asOf(FIRST_DAY)).isInstanceOf(ImpossibleHistoryException.class);
        assertThat(new KnownHistory().isEmpty()).isTrue();
    }

    @Provide
    Arbitrary<List<Dated>> histories() {
        Arbitrary<Integer> gaps = Arbitraries.integers().between(1, 3);
        Arbitrary<Long> quantities = Arbitraries.longs().between(1, 500);
        Arbitrary<Long> prices = Arbitraries.longs().between(1, 300);
        Arbitrary<Boolean> decreases = Arbitraries.of(true, false);
        return Combinators.combine(gaps, quantities, prices, decreases).as(Step::new).list().ofMinSize(1).ofMaxSize(40)
                .map(KnownHistoryTest::dated);
    }

    private record Step(int gap, long quantity, long price, boolean decrease) {}

    /** Dated in order, a day apart at least (ties replay in arrival order), each decrease at most what is open then. */
    private static List<Dated> dated(List<Step> steps) {
        List<Dated> history = new ArrayList<>();
        LocalDate day = FIRST_DAY;
        long open = 0;
        for (Step step : steps) {
            day = day.plusDays(step.gap());
            if (step.decrease() && open > 0) {
                long quantity = Math.min(open, step.quantity());
                open -= quantity;
                history.add(new Dated(day, TradeType.DECREASE, quantity, step.price()));
            } else {
                open += step.quantity();
                history.add(new Dated(day, history.isEmpty() ? TradeType.NEW_TRADE : TradeType.INCREASE, step.quantity(), step.price()));
            }
        }
        return history;
    }

    private static List<Dated> shuffled(List<Dated> history, long seed) {
        List<Dated> arrival = new ArrayList<>(history);
        Collections.shuffle(arrival, new Random(seed));
        return arrival;
    }

    private static KnownHistory known(List<Dated> arrival) {
        KnownHistory known = new KnownHistory();
        for (int version = 1; version <= arrival.size(); version++) {
            Dated trade = arrival.get(version - 1);
            known.add(version, EventType.TRADE_APPLIED, trade.day(), trade("T" + version, trade.type(), trade.quantity(), trade.price()));
        }
        return known;
    }

    /** The replay's steps of {@code trades}, each at its version in {@code arrival}. */
    private static List<HistoryStep> steps(List<Dated> trades, List<Dated> arrival) {
        List<HistoryStep> steps = new ArrayList<>();
        for (int version = 1; version <= arrival.size(); version++) {
            Dated trade = arrival.get(version - 1);
            if (trades.contains(trade)) {
                steps.add(new HistoryStep.Trade(version, trade.day(), "T" + version, trade.type(), BigDecimal.valueOf(trade.quantity()),
                        BigDecimal.valueOf(trade.price()), TaxLotMethod.FIFO, null));
            }
        }
        return steps;
    }

    private static String trade(String id, TradeType type, long quantity, long price) {
        return "{\"tradeId\":\"" + id + "\",\"tradeType\":\"" + type + "\",\"quantity\":\"" + quantity + "\",\"price\":\"" + price
                + "\",\"taxLotMethod\":\"FIFO\"}";
    }
}
