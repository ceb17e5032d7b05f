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

    private static TaxLots threeLots() {
        return TaxLots.none()
                .open("a", DAY, new BigDecimal("10"), new BigDecimal("100"))
                .open("b", DAY.plusDays(1), new BigDecimal("30"), new BigDecimal("100"))
                .open("c", DAY.plusDays(2), new BigDecimal("20"), new BigDecimal("100"));
    }

    @Test
    void fifoTakesTheOldestFirstAndPartiallyReducesTheLastLotTouched() {
        TaxLots.Reduced reduced = threeLots().reduce(new BigDecimal("150"), TaxLotMethod.FIFO);

        assertThat(reduced.reductions()).extracting(LotReduction::lotId).containsExactly("a", "b");
        assertThat(reduced.reductions().get(1).quantity()).isEqualByComparingTo("50");
        assertThat(reduced.lots().ids()).containsExactly("b", "c");
        assertThat(reduced.lots().openQuantity()).isEqualByComparingTo("150");
    }

    @Test
    void lifoTakesTheNewestFirst() {
        TaxLots.Reduced reduced = threeLots().reduce(new BigDecimal("150"), TaxLotMethod.LIFO);

        assertThat(reduced.reductions()).extracting(LotReduction::lotId).containsExactly("c", "b");
        assertThat(reduced.lots().ids()).containsExactly("a", "b");
    }

    @Test
    void hifoTakesTheHighestCostFirst() {
        TaxLots.Reduced reduced = threeLots().reduce(new BigDecimal("150"), TaxLotMethod.HIFO);

        assertThat(reduced.reductions()).extracting(LotReduction::lotId).containsExactly("b", "c");
        assertThat(reduced.reductions().get(0).costPrice()).isEqualByComparingTo("30");
    }

    @Test
    void aDecreaseLargerThanTheOpenQuantityIsRejectedAndNothingChanges() {
        TaxLots lots = threeLots();

        assertThatThrownBy(() -> lots.reduce(new BigDecimal("300.00000001"), TaxLotMethod.FIFO))
                .isInstanceOf(InsufficientQuantityException.class)
                .hasMessageContaining("exceeds the open quantity 300");
        assertThat(lots.openQuantity()).isEqualByComparingTo("300");
    }

    @Test
    void aPositionClosesAndReopens() {
        TaxLots closed = threeLots().reduce(new BigDecimal("300"), TaxLotMethod.FIFO).lots();
        TaxLots reopened = closed.open("d", DAY.plusDays(5), new BigDecimal("12.5"), new BigDecimal("40"));

        assertThat(closed.count()).isZero();
        assertThat(reopened.ids()).containsExactly("d");
        assertThat(reopened.openQuantity()).isEqualByComparingTo("40");
    }

    @Test
    void aResetRepricesEveryOpenLot() {
        TaxLots repriced = threeLots().repriced(new BigDecimal("25.125"));

        assertThat(repriced.reduce(new BigDecimal("300"), TaxLotMethod.HIFO).reductions())
                .allSatisfy(reduction -> assertThat(reduction.costPrice()).isEqualByComparingTo("25.125"));
    }

    @Test
    void handlesThousandsOfOpenLots() {
        TaxLots lots = TaxLots.none();
        for (int lot = 0; lot < 2_000; lot++) {
            lots = lots.open("lot-" + lot, DAY.plusDays(lot % 365), new BigDecimal(lot % 97 + 1), BigDecimal.TEN);
        }
        TaxLots.Reduced reduced = lots.reduce(new BigDecimal("15005"), TaxLotMethod.HIFO);

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
        int rejected = 0;
        for (LotReplayOracle.Step step : steps) {
            if (step instanceof LotReplayOracle.Open open) {
                lots = lots.open(open.id(), open.date(), open.price(), open.quantity());
            } else {
                try {
                    TaxLots.Reduced reduced = lots.reduce(((LotReplayOracle.Decrease) step).quantity(), method);
                    lots = reduced.lots();
                    reductions.add(reduced.reductions());
                } catch (InsufficientQuantityException refused) {
                    rejected++;
                }
            }
            assertThat(lots.openQuantity().signum()).isNotNegative();
        }

        assertThat(rejected).isEqualTo(expected.rejected());
        assertThat(lots.ids()).containsExactlyElementsOf(expected.openLots().stream().map(lot -> lot.id).toList());
        for (int lot = 0; lot < lots.count(); lot++) {
            assertThat(TaxLots.decimal(lots.quantities()[lot])).isEqualByComparingTo(expected.openLots().get(lot).remaining);
        }
        assertThat(reductions).hasSameSizeAs(expected.reductions());
        for (int decrease = 0; decrease < reductions.size(); decrease++) {
            List<LotReduction> actual = reductions.get(decrease);
            List<LotReduction> wanted = expected.reductions().get(decrease);
            assertThat(actual).extracting(LotReduction::lotId).containsExactlyElementsOf(wanted.stream().map(LotReduction::lotId).toList());
            for (int part = 0; part < actual.size(); part++) {
                assertThat(actual.get(part).quantity()).isEqualByComparingTo(wanted.get(part).quantity());
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
        Arbitrary<LotReplayOracle.Step> decreases = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.0001"), new BigDecimal("900")).ofScale(4).map(LotReplayOracle.Decrease::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, opens), net.jqwik.api.Tuple.of(2, decreases))
                .list().ofMinSize(1).ofMaxSize(60);
    }
}
