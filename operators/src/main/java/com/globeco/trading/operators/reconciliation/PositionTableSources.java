package com.globeco.trading.operators.reconciliation;

import com.globeco.trading.compliance.Uti;
import com.globeco.trading.positions.EventType;
import com.globeco.trading.positions.PositionStatus;
import com.globeco.trading.operators.sinks.PostgresSettings;
import com.globeco.trading.reconciliation.StoredEvent;
import com.globeco.trading.reconciliation.StoredSnapshot;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.jdbc.core.datastream.source.JdbcSource;
import org.apache.flink.connector.jdbc.core.datastream.source.reader.extractor.ResultExtractor;
import org.apache.flink.connector.jdbc.split.JdbcGenericParameterValuesProvider;

import java.io.Serializable;
import java.sql.Date;
import java.sql.Timestamp;

/**
 * Bounded JDBC sources over {@code event_store} and {@code snapshot_store}, each read in {@code splits}
 * disjoint slices of positions (by a hash of the position key), so readers on several TaskManagers
 * share the tables. A reader that fails has its slices read again from the start (at least once, and queued for the
 * next reader that asks, {@link RequeueingJdbcSource}): the connector's defaults skip a slice a reader had begun or
 * hand it to a reader that has finished, and a batch run restarted after a dropped connection would lose rows
 * (reported as breaks, or missing from a bootstrapped savepoint). In a batch job the restarted reader's output
 * replaces the failed one's, so nothing is read twice downstream.
 */
public final class PositionTableSources {
    static final String SLICE = " WHERE mod(abs(hashtext(position_key)::bigint), ?) = ?";

    private PositionTableSources() {}

    public static Source<StoredEvent, ?, ?> events(PostgresSettings postgres, int splits) {
        return source(postgres, splits, "SELECT position_key, event_ver, event_type, effective_date, payload::text FROM event_store" + SLICE,
                TypeInformation.of(StoredEvent.class), new EventRows());
    }

    public static Source<StoredSnapshot, ?, ?> snapshots(PostgresSettings postgres, int splits) {
        return source(postgres, splits, "SELECT position_key, version, status, tax_lots_compressed::text, provisional_since, uti FROM snapshot_store"
                + SLICE, TypeInformation.of(StoredSnapshot.class), new SnapshotRows());
    }

    static <T> Source<T, ?, ?> source(PostgresSettings postgres, int splits, String sql, TypeInformation<T> type,
                                             ResultExtractor<T> rows) {
        Serializable[][] slices = new Serializable[splits][];
        for (int slice = 0; slice < splits; slice++) {
            slices[slice] = new Serializable[] {(long) splits, (long) slice};
        }
        return new RequeueingJdbcSource<>(JdbcSource.<T>builder()
                .setDBUrl(postgres.url())
                .setUsername(postgres.user())
                .setPassword(postgres.password())
                .setDriverName("org.postgresql.Driver")
                .setSql(sql)
                .setJdbcParameterValuesProvider(new JdbcGenericParameterValuesProvider(slices))
                .setResultSetFetchSize(1_000)
                .setAutoCommit(false)
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setTypeInformation(type)
                .setResultExtractor(rows)
                .build());
    }

    private static final class EventRows implements ResultExtractor<StoredEvent> {
        @Override
        public StoredEvent extract(java.sql.ResultSet row) throws java.sql.SQLException {
            Date effective = row.getDate(4);
            return new StoredEvent(row.getString(1), row.getLong(2), EventType.valueOf(row.getString(3)), effective == null ? null : effective.toLocalDate(),
                    row.getString(5));
        }
    }

    private static final class SnapshotRows implements ResultExtractor<StoredSnapshot> {
        @Override
        public StoredSnapshot extract(java.sql.ResultSet row) throws java.sql.SQLException {
            Timestamp since = row.getTimestamp(5);
            String uti = row.getString(6);
            return new StoredSnapshot(row.getString(1), row.getLong(2), PositionStatus.valueOf(row.getString(3)), row.getString(4),
                    since == null ? null : since.getTime(), uti == null ? null : new Uti(uti));
        }
    }
}
