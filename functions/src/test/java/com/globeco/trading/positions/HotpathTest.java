package com.globeco.trading.positions;

import java.time.Instant;
import com.globeco.trading.messages.DeadLetterReason;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HotpathTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
    private static final String KEY = "ACC-7:AAPL:USD";

    static Trade trade(String id, TradeType type, String quantity, String price, LocalDate effective) {
        return new Trade(id, KEY, type, new BigDecimal(quantity), new BigDecimal(price), effective,
                Instant.parse("2025-06-02T14:30:00Z"), null, "corr-" + id, null, null);
    }

    @Test
    void currentTradesBuildLotsAndVersions() {
        Hotpath.Applied first = Hotpath.apply(Position.empty(), KEY, trade("T1", TradeType.NEW_TRADE, "100", "10", TODAY), TODAY);
        Hotpath.Applied second = Hotpath.apply(first.state(), KEY, trade("T2", TradeType.DECREASE, "40", "12", TODAY), TODAY);

        assertThat(first.event().eventType()).isEqualTo(EventType.TRADE_APPLIED);
        assertThat(second.event().eventVersion()).isEqualTo(2);
        assertThat(second.state().lots().openQuantity()).isEqualByComparingTo("60");
        assertThat(EventJson.payload(second.event())).contains("\"allocation\":[{\"lotId\":\"T1\",\"quantity\":\"40.00000000\"")
                .contains("\"realizedPnl\":\"80.0000000000000000\"");
        assertThat(second.state().status()).isEqualTo(PositionStatus.RECONCILED);
    }

    @Test
    void aBackdatedTradeIsAppliedProvisionally() {
        Position position = Hotpath.apply(Position.empty(), KEY, trade("T1", TradeType.NEW_TRADE, "100", "10", TODAY), TODAY).state();

        Hotpath.Applied backdated = Hotpath.apply(position, KEY, trade("T0", TradeType.INCREASE, "5", "9", TODAY.minusDays(3)), TODAY);

        assertThat(backdated.sequence()).isEqualTo(SequenceStatus.BACKDATED);
        assertThat(backdated.event().eventType()).isEqualTo(EventType.PROVISIONAL_TRADE_APPLIED);
        assertThat(backdated.state().status()).isEqualTo(PositionStatus.PROVISIONAL);
        assertThat(backdated.state().latestEffectiveDate()).isEqualTo(TODAY);
    }

    @Test
    void aDecreaseBeyondTheOpenQuantityChangesNothing() {
        Position position = Hotpath.apply(Position.empty(), KEY, trade("T1", TradeType.NEW_TRADE, "100", "10", TODAY), TODAY).state();

        assertThatThrownBy(() -> Hotpath.apply(position, KEY, trade("T2", TradeType.DECREASE, "101", "10", TODAY), TODAY))
                .isInstanceOf(InsufficientQuantityException.class);
        assertThat(position.version()).isEqualTo(1);
    }

    @Test
    void aResetMovesTheMarketValueAsAnEventAndKeepsTheCostBasis() {
        Position position = Hotpath.apply(Position.empty(), KEY, trade("T1", TradeType.NEW_TRADE, "100", "10", TODAY), TODAY).state();

        Hotpath.Applied reset = Hotpath.reset(position, KEY, new ReferencePrice("AAPL", new BigDecimal("11.5"), Instant.parse("2025-06-02T20:00:00Z"), "md-1"));

        assertThat(reset.event().eventType()).isEqualTo(EventType.RESET);
        assertThat(EventJson.payload(reset.event())).contains("\"resetPnl\":\"150.0000000000000000\"");
        PositionSnapshot snapshot = Hotpath.snapshot(KEY, reset.state(), 0);
        assertThat(snapshot.costBasis()).isEqualByComparingTo("1000");
        assertThat(snapshot.marketValue()).isEqualByComparingTo("1150");
    }

    @Test
    void aTradeBeyondThePositionLimitChangesNothing() {
        Position position = Hotpath.apply(Position.empty(), KEY, trade("T1", TradeType.NEW_TRADE, "1000000000", "10", TODAY), TODAY).state();
        for (int trade = 2; trade <= 10; trade++) {
            position = Hotpath.apply(position, KEY, trade("T" + trade, TradeType.INCREASE, "1000000000", "10", TODAY), TODAY).state();
        }
        Position full = position;

        assertThatThrownBy(() -> Hotpath.apply(full, KEY, trade("T11", TradeType.INCREASE, "1", "10", TODAY), TODAY))
                .isInstanceOfSatisfying(TradeRejectedException.class, rejected -> assertThat(rejected.reason()).isEqualTo(DeadLetterReason.ARITHMETIC_LIMIT));
        assertThat(full.lots().openQuantity()).isEqualByComparingTo("10000000000");
    }

    @Test
    void compressedLotsSurviveTheJsonRoundTrip() {
        TaxLots lots = TaxLots.none();
        for (int lot = 0; lot < 1_200; lot++) {
            lots = lots.open("L" + lot, TODAY.minusDays(lot % 400), new BigDecimal("10.12345678").add(BigDecimal.valueOf(lot)),
                    new BigDecimal("0.00000001").add(BigDecimal.valueOf(lot)));
        }

        assertThat(LotsJson.read(LotsJson.write(lots))).isEqualTo(lots);
    }
}
