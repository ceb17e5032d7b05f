package com.globeco.trading.positions;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaxLotsTest {
    private static final LocalDate DAY = LocalDate.of(2025, 6, 2);
    private static final BigDecimal PRICE = new BigDecimal("22");

    private static TaxLots threeLots() {
        return TaxLots.none()
                .open("a", DAY, new BigDecimal("10"), new BigDecimal("100"))
                .open("b", DAY.plusDays(1), new BigDecimal("30"), new BigDecimal("100"))
                .open("c", DAY.plusDays(2), new BigDecimal("20"), new BigDecimal("100"));
    }

    @Test
    void fifoTakesTheOldestFirstAndPartiallyReducesTheLastLotTouched() {
        TaxLots.Reduced reduced = threeLots().reduce(new BigDecimal("150"), PRICE, TaxLotMethod.FIFO);

        assertThat(reduced.reductions()).extracting(LotReduction::lotId).containsExactly("a", "b");
        assertThat(reduced.reductions().get(1).quantity()).isEqualByComparingTo("50");
        assertThat(reduced.lots().ids()).containsExactly("b", "c");
        assertThat(reduced.lots().openQuantity()).isEqualByComparingTo("150");
    }

    @Test
    void lifoTakesTheNewestFirst() {
        TaxLots.Reduced reduced = threeLots().reduce(new BigDecimal("150"), PRICE, TaxLotMethod.LIFO);

        assertThat(reduced.reductions()).extracting(LotReduction::lotId).containsExactly("c", "b");
        assertThat(reduced.lots().ids()).containsExactly("a", "b");
    }

    @Test
    void hifoTakesTheHighestCostFirst() {
        TaxLots.Reduced reduced = threeLots().reduce(new BigDecimal("150"), PRICE, TaxLotMethod.HIFO);

        assertThat(reduced.reductions()).extracting(LotReduction::lotId).containsExactly("b", "c");
        assertThat(reduced.reductions().get(0).costPrice()).isEqualByComparingTo("30");
    }

    @Test
    void aDecreaseLargerThanTheOpenQuantityIsRejectedAndNothingChanges() {
        TaxLots lots = threeLots();

        assertThatThrownBy(() -> lots.reduce(new BigDecimal("300.00000001"), PRICE, TaxLotMethod.FIFO))
                .isInstanceOf(InsufficientQuantityException.class)
                .hasMessageContaining("exceeds the open quantity 300");
        assertThat(lots.openQuantity()).isEqualByComparingTo("300");
    }

    @Test
    void aPositionClosesAndReopens() {
        TaxLots closed = threeLots().reduce(new BigDecimal("300"), PRICE, TaxLotMethod.FIFO).lots();
        TaxLots reopened = closed.open("d", DAY.plusDays(5), new BigDecimal("12.5"), new BigDecimal("40"));

        assertThat(closed.count()).isZero();
        assertThat(reopened.ids()).containsExactly("d");
        assertThat(reopened.openQuantity()).isEqualByComparingTo("40");
    }

    @Test
    void aResetMovesTheReferencePriceAndKeepsWhatWasPaid() {
        TaxLots.Repriced repriced = threeLots().repriced(new BigDecimal("25.125"));

        assertThat(repriced.lots().costBasis()).isEqualByComparingTo("6000").isEqualByComparingTo(threeLots().costBasis());
        assertThat(repriced.lots().marketValue()).isEqualByComparingTo("7537.5");
        assertThat(repriced.pnl()).as("(25.125 - 10 + 25.125 - 30 + 25.125 - 20) x 100").isEqualByComparingTo("1537.5");
        assertThat(repriced.lots().reduce(new BigDecimal("150"), PRICE, TaxLotMethod.HIFO).reductions())
                .as("HIFO still relieves the highest cost").extracting(LotReduction::lotId).containsExactly("b", "c");
    }

    @Test
    void aDecreaseRealizesTradePriceMinusCostOnEachLot() {
        TaxLots.Reduced reduced = threeLots().reduce(new BigDecimal("150"), new BigDecimal("22.5"), TaxLotMethod.FIFO);

        assertThat(reduced.reductions()).extracting(LotReduction::realizedPnl)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1250"), new BigDecimal("-375"));
        assertThat(reduced.realizedPnl()).isEqualByComparingTo("875");
    }

    @Test
    void aPositionCannotGrowBeyondWhatItsFixedPointTotalsHold() {
        TaxLots full = TaxLots.none().open("a", DAY, BigDecimal.ONE, PositionLimits.MAX_OPEN_QUANTITY);

        assertThatThrownBy(() -> full.open("b", DAY, BigDecimal.ONE, new BigDecimal("0.00000001")))
                .isInstanceOf(ArithmeticLimitException.class);
        assertThat(full.openQuantity()).isEqualByComparingTo(PositionLimits.MAX_OPEN_QUANTITY);
    }

    @Test
    void lotsOfLayoutV1TakeTheirStoredPriceAsReference() {
        TaxLots restored = new TaxLots(new String[] {"a"}, new long[] {1}, new long[] {1_050_000_000L}, new long[] {100_000_000L}, null);

        assertThat(restored.marketValue()).isEqualByComparingTo(restored.costBasis()).isEqualByComparingTo("10.5");
    }

    @Test
    void handlesThousandsOfOpenLots() {
        TaxLots lots = TaxLots.none();
        for (int lot = 0; lot < 2_000; lot++) {
            lots = lots.open("lot-" + lot, DAY.plusDays(lot % 365), new BigDecimal(lot % 97 + 1), BigDecimal.TEN);
        }
        TaxLots.Reduced reduced = lots.reduce(new BigDecimal("15005"), PRICE, TaxLotMethod.HIFO);

        assertThat(reduced.reductions()).hasSize(1_501);
        assertThat(reduced.lots().count()).isEqualTo(500);
        assertThat(reduced.lots().openQuantity()).isEqualByComparingTo("4995");
    }

    @Property(tries = 300)
    void agreesWithABatchReplayOfTheSameTrades(@ForAll("histories") List<LotReplayOracle.Step> steps,
                                               @ForAll TaxLotMethod method) {
        LotReplayOracle.Outcome expected = LotReplayOracle.replay(steps, method);
        TaxLots lots = TaxLots.none();
        List<List<LotReduction>> reductions = new ArrayList<>();
        List<BigDecimal> resetPnls = new ArrayList<>();
        int rejected = 0;
        for (int index = 0; index < steps.size(); index++) {
            LotReplayOracle.Step step = steps.get(index);
            if (step instanceof LotReplayOracle.Open open) {
                lots = lots.open(open.id(), open.date(), open.price(), open.quantity());
            } else if (step instanceof LotReplayOracle.Reset reset) {
                TaxLots.Repriced repriced = lots.repriced(reset.price());
                lots = repriced.lots();
                resetPnls.add(repriced.pnl());
            } else {
                LotReplayOracle.Decrease decrease = (LotReplayOracle.Decrease) step;
                try {
                    TaxLots.Reduced reduced = lots.reduce(decrease.quantity(), decrease.price(), method);
                    lots = reduced.lots();
                    reductions.add(reduced.reductions());
                } catch (InsufficientQuantityException refused) {
                    rejected++;
                }
            }
            assertThat(lots.openQuantity().signum()).isNotNegative();
            assertCostsAreWhatWasPaid(steps.subList(0, index + 1), lots, method);
        }

        assertThat(rejected).isEqualTo(expected.rejected());
        assertThat(lots.ids()).containsExactlyElementsOf(expected.openLots().stream().map(lot -> lot.id).toList());
        for (int lot = 0; lot < lots.count(); lot++) {
            LotReplayOracle.Lot wanted = expected.openLots().get(lot);
            assertThat(TaxLots.decimal(lots.quantities()[lot])).isEqualByComparingTo(wanted.remaining);
            assertThat(TaxLots.decimal(lots.costPrices()[lot])).as("cost of %s", wanted.id).isEqualByComparingTo(wanted.price);
            assertThat(TaxLots.decimal(lots.referencePrices()[lot])).as("reference of %s", wanted.id).isEqualByComparingTo(wanted.reference);
        }
        assertThat(resetPnls).usingElementComparator(BigDecimal::compareTo).containsExactlyElementsOf(expected.resetPnls());
        assertThat(reductions).hasSameSizeAs(expected.reductions());
        for (int decrease = 0; decrease < reductions.size(); decrease++) {
            List<LotReduction> actual = reductions.get(decrease);
            List<LotReduction> wanted = expected.reductions().get(decrease);
            assertThat(actual).extracting(LotReduction::lotId).containsExactlyElementsOf(wanted.stream().map(LotReduction::lotId).toList());
            for (int part = 0; part < actual.size(); part++) {
                assertThat(actual.get(part).quantity()).isEqualByComparingTo(wanted.get(part).quantity());
                assertThat(actual.get(part).costPrice()).isEqualByComparingTo(wanted.get(part).costPrice());
                assertThat(actual.get(part).realizedPnl()).isEqualByComparingTo(wanted.get(part).realizedPnl());
            }
        }
    }

    @Provide
    Arbitrary<List<LotReplayOracle.Step>> histories() {
        Arbitrary<BigDecimal> quantities = Arbitraries.bigDecimals().between(new BigDecimal("0.0001"), new BigDecimal("500")).ofScale(4);
        Arbitrary<BigDecimal> prices = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("999")).ofScale(2);
        Arbitrary<LocalDate> dates = Arbitraries.integers().between(0, 20).map(DAY::plusDays);
        Arbitrary<LotReplayOracle.Step> opens = Combinators.combine(Arbitraries.strings().alpha().ofLength(6), dates, prices, quantities)
                .as(LotReplayOracle.Open::new);
        Arbitrary<LotReplayOracle.Step> decreases = Combinators.combine(
                Arbitraries.bigDecimals().between(new BigDecimal("0.0001"), new BigDecimal("900")).ofScale(4), prices)
                .as(LotReplayOracle.Decrease::new);
        Arbitrary<LotReplayOracle.Step> resets = Arbitraries.bigDecimals().between(new BigDecimal("0.00000001"), new BigDecimal("999999"))
                .ofScale(8).map(LotReplayOracle.Reset::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, opens), net.jqwik.api.Tuple.of(2, decreases), net.jqwik.api.Tuple.of(1, resets))
                .list().ofMinSize(1).ofMaxSize(60);
    }

    /** After every step each open lot has the cost it was opened at, as the oracle's replay of the steps so far says. */
    private static void assertCostsAreWhatWasPaid(List<LotReplayOracle.Step> steps, TaxLots lots, TaxLotMethod method) {
        List<LotReplayOracle.Lot> expected = LotReplayOracle.replay(steps, method).openLots();
        assertThat(lots.count()).isEqualTo(expected.size());
        for (int lot = 0; lot < lots.count(); lot++) {
            assertThat(TaxLots.decimal(lots.costPrices()[lot])).as("cost of %s", lots.ids()[lot]).isEqualByComparingTo(expected.get(lot).price);
        }
    }
}
