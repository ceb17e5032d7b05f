package com.globeco.trading.savepoints.migration;

import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.runtime.SavepointLoader;

import java.io.IOException;

/** The operators a savepoint holds state of: an older release may lack an operator today's job has. */
record Savepoint(String path, CheckpointMetadata metadata) {

    static Savepoint at(String path) throws IOException {
        return new Savepoint(path, SavepointLoader.loadSavepointMetadata(path));
    }

    boolean has(OperatorIdentifier operator) {
        return metadata.getOperatorStates().stream().map(OperatorState::getOperatorID).anyMatch(operator.getOperatorId()::equals);
    }
}
