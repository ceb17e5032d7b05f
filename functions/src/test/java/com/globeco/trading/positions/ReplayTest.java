package com.globeco.trading.positions;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayTest {
    private static HistoryStep.Trade buy(long version, String day, String quantity, String price) {
        return new HistoryStep.Trade(version, LocalDate.parse(day), "T" + version, TradeType.NEW_TRADE, new BigDecimal(quantity),
                new BigDecimal(price), TaxLotMethod.FIFO, null);
    }

    private static HistoryStep.Trade sell(long version, String day, String quantity, String price, String recordedPnl) {
        return new HistoryStep.Trade(version, LocalDate.parse(day), "T" + version, TradeType.DECREASE, new BigDecimal(quantity),
                new BigDecimal(price), TaxLotMethod.FIFO, new BigDecimal(recordedPnl));
    }

    @Test
    void aBackdatedBuyIsReplayedAtItsEffectiveDate() {
        // the example: buy 100 @ 10 on Jan 5, sell 60 @ 12 on Jan 10, then a buy of 50 @ 8 dated Jan 3 arrives
        Replay.Result truth = Replay.of(List.of(
                buy(1, "2026-01-05", "100", "10"),
                sell(2, "2026-01-10", "60", "12", "120"),
                buy(3, "2026-01-03", "50", "8")));

        assertThat(truth.lots().ids()).containsExactly("T1");
        assertThat(truth.lots().openQuantity()).isEqualByComparingTo("90");
        assertThat(truth.lots().costBasis()).isEqualByComparingTo("900");
        // FIFO relieves the Jan 3 lot first: 50 x (12 - 8) + 10 x (12 - 10) = 220, where 120 was recorded
        assertThat(truth.realizedPnl()).isEqualByComparingTo("220");
        assertThat(truth.realizedPnlAdjustment()).isEqualByComparingTo("100");
    }

    @Test
    void aResetReachesTheLotsOpenAtItsDateOnly() {
        Replay.Result truth = Replay.of(List.of(
                buy(1, "2026-01-05", "10", "10"),
                new HistoryStep.Reset(2, LocalDate.parse("2026-01-05"), new BigDecimal("11")),
                buy(3, "2026-01-06", "10", "12"),
                buy(4, "2026-01-04", "10", "9")));

        assertThat(truth.lots().ids()).containsExactly("T4", "T1", "T3");
        assertThat(truth.lots().referencePrices()).containsExactly(11_00000000L, 11_00000000L, 12_00000000L);
        assertThat(truth.lots().costPrices()).containsExactly(9_00000000L, 10_00000000L, 12_00000000L);
    }

    @Test
    void aHistoryThatGoesBelowZeroInEffectiveDateOrderIsImpossible() {
        List<HistoryStep> history = List.of(
                buy(1, "2026-01-05", "100", "10"),
                sell(2, "2026-01-03", "60", "12", "120"));

        assertThatThrownBy(() -> Replay.of(history))
                .isInstanceOf(ImpossibleHistoryException.class)
                .hasMessageContaining("decrease T2 of 60 dated 2026-01-03 (version 2) finds 0 open");
    }
}
