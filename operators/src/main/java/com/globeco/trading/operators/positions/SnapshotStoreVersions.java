package com.globeco.trading.operators.positions;

import com.globeco.trading.operators.sinks.PostgresSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/** Reads every position's version from {@code snapshot_store} through a cursor, keeping the wanted ones. */
record SnapshotStoreVersions(PostgresSettings postgres) implements StoredVersions {
    private static final int ROWS_PER_FETCH = 10_000;
    private static final int TIMEOUT_SECONDS = 60;

    @Override
    public Map<String, Long> of(Predicate<String> kept) throws Exception {
        Map<String, Long> versions = new HashMap<>();
        try (Connection connection = postgres.connect()) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            try (PreparedStatement query = connection.prepareStatement("SELECT position_key, version FROM snapshot_store")) {
                query.setFetchSize(ROWS_PER_FETCH);
                query.setQueryTimeout(TIMEOUT_SECONDS);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String positionKey = rows.getString(1);
                        if (kept.test(positionKey)) {
                            versions.put(positionKey, rows.getLong(2));
                        }
                    }
                }
            }
            connection.rollback();
        }
        return versions;
    }
}
