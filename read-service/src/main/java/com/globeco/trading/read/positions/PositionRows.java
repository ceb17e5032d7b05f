package com.globeco.trading.read.positions;

import com.globeco.trading.positions.KnownHistory;
import com.globeco.trading.positions.LotsJson;
import com.globeco.trading.positions.TaxLots;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Positions now, from {@code snapshot_store}: a position with its lots, its realized P&L (what its trade events
 * recorded, plus the latest correction's adjustment) and the backdated trades no correction has settled; a page of a
 * portfolio's or an instrument's positions (keyset on the key); a page of a position's events.
 */
public final class PositionRows {
    private static final String NOW = """
            SELECT s.version, s.status, s.reconciliation_status, s.tax_lots_compressed::text, s.provisional_since, s.last_updated_at,
                   s.uti, s.market_value,
                   (SELECT coalesce(sum((e.payload->>'realizedPnl')::numeric), 0) FROM event_store e
                     WHERE e.position_key = s.position_key AND e.event_ver <= s.version
                       AND e.event_type IN ('TRADE_APPLIED', 'PROVISIONAL_TRADE_APPLIED')) AS recorded_pnl,
                   c.payload->>'realizedPnlAdjustment' AS adjustment,
                   coalesce((c.payload->>'replacesVersion')::bigint, 0) AS settled_through
            FROM snapshot_store s
            LEFT JOIN LATERAL (SELECT e.payload FROM event_store e
                               WHERE e.position_key = s.position_key AND e.event_ver <= s.version
                                 AND e.event_type = 'HISTORICAL_POSITION_CORRECTED'
                               ORDER BY e.event_ver DESC LIMIT 1) c ON true
            WHERE s.position_key = ?""";
    private static final String OUTSTANDING = """
            SELECT event_ver, payload->>'tradeId', effective_date FROM event_store
            WHERE position_key = ? AND event_type = 'PROVISIONAL_TRADE_APPLIED' AND event_ver > ? AND event_ver <= ?
            ORDER BY event_ver""";
    private static final String SUMMARY = """
            SELECT position_key, version, status, reconciliation_status, open_quantity, open_lots, cost_basis, market_value,
                   provisional_since, last_updated_at
            FROM snapshot_store""";
    private static final String OF_PORTFOLIO = SUMMARY + " WHERE split_part(position_key, ':', 1) = ? AND position_key > ? ORDER BY position_key LIMIT ?";
    private static final String OF_INSTRUMENT = SUMMARY + " WHERE split_part(position_key, ':', 2) = ? AND position_key > ? ORDER BY position_key LIMIT ?";
    private static final String EVENTS = """
            SELECT event_ver, event_type, effective_date, occurred_at, recorded_at, trade_id, uti, correlation_id, causation_id,
                   contract_id, user_id, payload::text
            FROM event_store WHERE position_key = ? AND event_ver > ? ORDER BY event_ver LIMIT ?""";
    private static final String EXISTS = "SELECT 1 FROM snapshot_store WHERE position_key = ? UNION ALL SELECT 1 FROM event_store WHERE position_key = ? LIMIT 1";

    /** Which part of the key a list selects by. */
    public enum Selection { PORTFOLIO, INSTRUMENT }

    private final DataSource positions;

    public PositionRows(DataSource positions) {
        this.positions = positions;
    }

    public Optional<PositionDto> now(String positionKey) throws SQLException {
        try (Connection connection = positions.getConnection()) {
            PositionDto position;
            long settledThrough;
            try (PreparedStatement query = connection.prepareStatement(NOW)) {
                query.setString(1, positionKey);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    settledThrough = row.getLong("settled_through");
                    position = position(positionKey, row);
                }
            }
            if (!position.provisional()) {
                return Optional.of(position);
            }
            return Optional.of(withOutstanding(position, outstanding(connection, positionKey, settledThrough, position.version())));
        }
    }

    public boolean exists(String positionKey) throws SQLException {
        try (Connection connection = positions.getConnection(); PreparedStatement query = connection.prepareStatement(EXISTS)) {
            query.setString(1, positionKey);
            query.setString(2, positionKey);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    public List<PositionSummaryDto> selected(Selection by, String value, String afterKey, int limit) throws SQLException {
        try (Connection connection = positions.getConnection();
             PreparedStatement query = connection.prepareStatement(by == Selection.PORTFOLIO ? OF_PORTFOLIO : OF_INSTRUMENT)) {
            query.setString(1, value);
            query.setString(2, afterKey);
            query.setInt(3, limit);
            List<PositionSummaryDto> page = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    BigDecimal cost = row.getBigDecimal("cost_basis");
                    BigDecimal market = marketValue(row.getBigDecimal("market_value"), cost);
                    page.add(new PositionSummaryDto(row.getString("position_key"), row.getLong("version"), row.getString("status"),
                            row.getString("reconciliation_status"), row.getBigDecimal("open_quantity"), row.getInt("open_lots"), cost, market,
                            market.subtract(cost), instant(row.getTimestamp("provisional_since")), instant(row.getTimestamp("last_updated_at"))));
                }
            }
            return page;
        }
    }

    public List<EventDto> events(String positionKey, long afterVersion, int limit) throws SQLException {
        try (Connection connection = positions.getConnection(); PreparedStatement query = connection.prepareStatement(EVENTS)) {
            query.setString(1, positionKey);
            query.setLong(2, afterVersion);
            query.setInt(3, limit);
            query.setFetchSize(limit);
            List<EventDto> page = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Date effective = row.getDate(3);
                    page.add(new EventDto(row.getLong(1), row.getString(2), effective == null ? null : effective.toLocalDate(),
                            instant(row.getTimestamp(4)), instant(row.getTimestamp(5)), row.getString(6), row.getString(7), row.getString(8),
                            row.getString(9), row.getString(10), row.getString(11), row.getString(12)));
                }
            }
            return page;
        }
    }

    private static PositionDto position(String positionKey, ResultSet row) throws SQLException {
        TaxLots lots = LotsJson.read(row.getString(4));
        BigDecimal cost = lots.costBasis();
        BigDecimal market = lots.marketValue();
        String adjustment = row.getString("adjustment");
        BigDecimal realized = row.getBigDecimal("recorded_pnl").add(adjustment == null ? BigDecimal.ZERO : new BigDecimal(adjustment));
        String status = row.getString("status");
        return new PositionDto(positionKey, row.getLong("version"), status, row.getString("reconciliation_status"),
                "PROVISIONAL".equals(status), instant(row.getTimestamp("provisional_since")), lots.openQuantity(), lots.count(), cost,
                market, market.subtract(cost), realized, row.getString("uti"), instant(row.getTimestamp("last_updated_at")),
                lots.openLots().stream().map(LotDto::of).toList(), List.of(), null, null, null);
    }

    private static List<OutstandingTradeDto> outstanding(Connection connection, String positionKey, long settledThrough, long version)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(OUTSTANDING)) {
            query.setString(1, positionKey);
            query.setLong(2, settledThrough);
            query.setLong(3, version);
            List<OutstandingTradeDto> trades = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    trades.add(OutstandingTradeDto.of(new KnownHistory.OutstandingTrade(row.getLong(1), row.getString(2), row.getDate(3).toLocalDate())));
                }
            }
            return trades;
        }
    }

    private static PositionDto withOutstanding(PositionDto p, List<OutstandingTradeDto> outstanding) {
        return new PositionDto(p.positionKey(), p.version(), p.status(), p.reconciliationStatus(), p.provisional(), p.provisionalSince(),
                p.quantity(), p.openLots(), p.costBasis(), p.marketValue(), p.unrealizedPnl(), p.realizedPnl(), p.lastUti(), p.updatedAt(),
                p.lots(), outstanding, p.asOf(), p.knownAt(), p.eventsReplayed());
    }

    /** Rows written before market values were kept have none: their lots' cost stands in. */
    private static BigDecimal marketValue(BigDecimal stored, BigDecimal cost) {
        return stored == null ? cost : stored;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
