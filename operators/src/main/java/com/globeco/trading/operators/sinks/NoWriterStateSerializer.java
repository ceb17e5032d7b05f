package com.globeco.trading.operators.sinks;

import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The two-phase JDBC writer keeps no state: what it prepared is the committer's. Savepoints of releases up to 0.1.0
 * hold the JDBC connector's writer state (version 1: transactions it had committed already, and open ones that ended
 * with their connection), which is read and dropped.
 */
final class NoWriterStateSerializer implements SimpleVersionedSerializer<Void> {
    @Override
    public int getVersion() {
        return 2;
    }

    @Override
    public byte[] serialize(Void state) {
        return new byte[0];
    }

    @Override
    public Void deserialize(int version, byte[] serialized) {
        return null;
    }
}
