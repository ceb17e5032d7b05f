package com.globeco.trading.operators.positions;

import com.globeco.trading.operators.sinks.PostgresSettings;

import java.io.Serializable;
import java.util.Map;
import java.util.function.Predicate;

/** The version each position has reached in the database, for the positions a subtask keeps. */
@FunctionalInterface
public interface StoredVersions extends Serializable {

    /** @param kept whether a position key is kept by the asking subtask */
    Map<String, Long> of(Predicate<String> kept) throws Exception;

    /** A database that holds no position yet. */
    static StoredVersions none() {
        return kept -> Map.of();
    }

    /** The versions of {@code snapshot_store}, which moves with every event the hotpath writes. */
    static StoredVersions snapshotStore(PostgresSettings postgres) {
        return new SnapshotStoreVersions(postgres);
    }
}
