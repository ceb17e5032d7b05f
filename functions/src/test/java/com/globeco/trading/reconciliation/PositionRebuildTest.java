package com.globeco.trading.reconciliation;

import com.globeco.trading.compliance.TradeIdentifiers;
import com.globeco.trading.compliance.Uti;
import com.globeco.trading.positions.EventJson;
import com.globeco.trading.positions.Hotpath;
import com.globeco.trading.positions.LotsJson;
import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.PositionStatus;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.TradeType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A position rebuilt from the database for a hotpath that lost its state keeps what its snapshot says. */
class PositionRebuildTest {
    private static final String KEY = "ACC-1:IBM:USD";
    private static final LocalDate DAY = LocalDate.of(2026, 1, 9);

    @Test
    void theRebuiltPositionKeepsItsLastTradesUti() {
        Uti uti = TradeIdentifiers.example().uti(KEY, "T1");
        Trade trade = new Trade("T1", KEY, TradeType.NEW_TRADE, BigDecimal.TEN, BigDecimal.ONE, DAY, Instant.parse("2026-01-09T10:00:00Z"),
                null, "c-1", null, null);
        Hotpath.Applied applied = Hotpath.apply(Position.empty(), KEY, trade, DAY, uti);
        StoredEvent event = new StoredEvent(KEY, 1, applied.event().eventType(), DAY, EventJson.payload(applied.event()));
        StoredSnapshot snapshot = new StoredSnapshot(KEY, 1, PositionStatus.RECONCILED, LotsJson.write(applied.state().lots()), null, uti);

        assertThat(PositionRebuild.of(KEY, List.of(event), snapshot).state().lastUti()).isEqualTo(uti);
        assertThat(PositionRebuild.of(KEY, List.of(event), null).state().lastUti()).as("without a snapshot, none is known").isNull();
    }
}
