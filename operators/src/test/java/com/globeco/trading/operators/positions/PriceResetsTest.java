package com.globeco.trading.operators.positions;

import com.globeco.trading.positions.EventType;
import com.globeco.trading.positions.Hotpath;
import com.globeco.trading.positions.PositionEvent;
import com.globeco.trading.positions.ReferencePrice;
import com.globeco.trading.positions.TradeType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.globeco.trading.operators.positions.HostedParts.NOW;
import static com.globeco.trading.operators.positions.HostedParts.TODAY;
import static com.globeco.trading.operators.positions.HostedParts.trade;
import static org.assertj.core.api.Assertions.assertThat;

class PriceResetsTest {
    private static final String AAPL = "ACC-7:AAPL:USD";
    private static final String OTHER_AAPL = "ACC-8:AAPL:USD";
    private static final String MSFT = "ACC-9:MSFT:USD";

    private HostedParts parts;
    private InstrumentIndex index;

    @BeforeEach
    void open() throws Exception {
        parts = new HostedParts();
        index = InstrumentIndex.of(Stream.of(AAPL, OTHER_AAPL, MSFT));
        parts.apply(trade("T1", AAPL, TradeType.NEW_TRADE, "100", TODAY));
        parts.apply(trade("T2", OTHER_AAPL, TradeType.NEW_TRADE, "5", TODAY));
        parts.apply(trade("T3", MSFT, TradeType.NEW_TRADE, "5", TODAY));
    }

    @AfterEach
    void close() throws Exception {
        parts.close();
    }

    @Test
    void aNewerPriceResetsTheOpenPositionsOfItsInstrumentOnlyAndTheirSnapshotsAreDue() throws Exception {
        resets(PositionsBehind.none()).onPrice(price("12", "2025-06-02T20:00:00Z"), NOW);

        assertThat(parts.events()).extracting(PositionEvent::positionKey).containsExactlyInAnyOrder(AAPL, OTHER_AAPL);
        assertThat(parts.events()).extracting(PositionEvent::eventType).containsOnly(EventType.RESET);
        assertThat(parts.positions().of(AAPL).version()).isEqualTo(2);
        assertThat(parts.positions().of(MSFT).version()).isEqualTo(1);
        assertThat(parts.count("resets")).isEqualTo(2);
        assertThat(snapshotsDue()).containsExactlyInAnyOrder(AAPL, OTHER_AAPL);
    }

    @Test
    void aPriceNoNewerThanTheLastOfItsInstrumentIsCountedAndResetsNothing() throws Exception {
        PriceResets resets = resets(PositionsBehind.none());
        resets.onPrice(price("12", "2025-06-02T20:00:00Z"), NOW);
        resets.onPrice(price("11", "2025-06-02T19:00:00Z"), NOW);
        resets.onPrice(price("13", "2025-06-02T20:00:00Z"), NOW);

        assertThat(parts.count("stalePrices")).isEqualTo(2);
        assertThat(parts.count("resets")).isEqualTo(2);
        assertThat(parts.lastPrices().get("AAPL").price()).isEqualByComparingTo("12");
    }

    @Test
    void aClosedPositionLeavesTheIndex() throws Exception {
        parts.apply(trade("T4", OTHER_AAPL, TradeType.DECREASE, "5", TODAY));

        resets(PositionsBehind.none()).onPrice(price("12", "2025-06-02T20:00:00Z"), NOW);

        assertThat(parts.events()).extracting(PositionEvent::positionKey).containsExactly(AAPL);
        assertThat(index.positionsIn("AAPL")).containsExactly(AAPL);
    }

    @Test
    void aPositionBehindTheDatabaseIsLeftAlone() throws Exception {
        PositionsBehind behind = PositionsBehind.find(Map.of(OTHER_AAPL, 9L), positionKey -> 1);

        resets(behind).onPrice(price("12", "2025-06-02T20:00:00Z"), NOW);

        assertThat(parts.events()).extracting(PositionEvent::positionKey).containsExactly(AAPL);
        assertThat(index.positionsIn("AAPL")).as("it stays in the index").containsExactlyInAnyOrder(AAPL, OTHER_AAPL);
    }

    private PriceResets resets(PositionsBehind behind) throws Exception {
        return new PriceResets(parts.lastPrices(), index, behind, parts.positions(), parts.book(), parts.changed, parts.rejections(),
                parts.metrics, parts.output());
    }

    private static ReferencePrice price(String price, String asOf) {
        return new ReferencePrice("AAPL", new BigDecimal(price), Instant.parse(asOf), "md-" + asOf);
    }

    private List<String> snapshotsDue() throws Exception {
        List<String> due = new ArrayList<>();
        parts.changed.snapshots((positionKey, changedAt) -> {
            due.add(positionKey);
            return Hotpath.snapshot(positionKey, parts.positions().of(positionKey), changedAt);
        }, change -> {});
        return due;
    }
}
