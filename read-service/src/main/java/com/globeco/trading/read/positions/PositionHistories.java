package com.globeco.trading.read.positions;

import com.globeco.trading.positions.EventHistory;
import com.globeco.trading.positions.KnownHistory;
import com.globeco.trading.positions.OpenLot;
import com.globeco.trading.positions.Replay;
import com.globeco.trading.positions.TaxLots;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Positions as of an effective date as known at an instant: the events recorded by then, replayed in effective-date
 * order with the coldpath's own {@link Replay}, so an answer and the coldpath's correction agree by construction.
 * Without {@code knownAt}, every event recorded so far; without {@code asOf}, every effective date.
 */
public final class PositionHistories {
    /** Later than any event's recording: "known at" without a limit. */
    private static final Instant EVERYTHING_RECORDED = Instant.parse("9999-12-31T23:59:59Z");
    private static final int TIMEOUT_SECONDS = 5;

    private final DataSource positions;

    public PositionHistories(DataSource positions) {
        this.positions = positions;
    }

    public KnownHistory known(String positionKey, Optional<Instant> knownAt) throws SQLException {
        try (Connection connection = positions.getConnection()) {
            connection.setAutoCommit(false);
            return new EventHistory(connection, TIMEOUT_SECONDS).knownAt(positionKey, knownAt.orElse(EVERYTHING_RECORDED), new KnownHistory());
        }
    }

    /** @throws com.globeco.trading.positions.ImpossibleHistoryException when the known history goes below zero by {@code asOf} */
    public static PositionDto replayed(String positionKey, KnownHistory known, Optional<LocalDate> asOf, Optional<Instant> knownAt) {
        Replay.Result replay = known.asOf(asOf.orElse(null));
        TaxLots lots = replay.lots();
        List<OutstandingTradeDto> outstanding = known.outstanding().stream()
                .filter(trade -> asOf.isEmpty() || !trade.effectiveDate().isAfter(asOf.get()))
                .map(OutstandingTradeDto::of).toList();
        BigDecimal cost = lots.costBasis();
        BigDecimal market = lots.marketValue();
        List<OpenLot> open = lots.openLots();
        return new PositionDto(positionKey, known.lastVersion(), outstanding.isEmpty() ? "RECONCILED" : "PROVISIONAL", null,
                !outstanding.isEmpty(), null, lots.openQuantity(), lots.count(), cost, market, market.subtract(cost), replay.realizedPnl(),
                null, null, open.stream().map(LotDto::of).toList(), outstanding, asOf.orElse(null), knownAt.orElse(null),
                known.stepCount());
    }
}
