package com.globeco.trading.operators.fills;

import org.apache.flink.runtime.checkpoint.CheckpointOptions;
import org.apache.flink.runtime.checkpoint.SavepointType;

/**
 * The final savepoint of a stop (upgrade, suspend). Once it is taken the job only waits to end: a call
 * started then would change the Execution Service while its answer could never reach the restored job.
 * Calls already in flight are the restored fills' to recognise ({@code ConfirmationProcess}). Should the
 * savepoint be aborted, the job goes on.
 */
final class FinalSavepoint {
    private static final long NONE = -1;

    private long takenAt = NONE;

    void snapshotting(long checkpointId, CheckpointOptions options) {
        if (options.getCheckpointType() instanceof SavepointType savepoint && savepoint.isSynchronous()) {
            takenAt = checkpointId;
        }
    }

    /** Whether the aborted checkpoint was the final savepoint, so the job is no longer stopping. */
    boolean aborted(long checkpointId) {
        if (checkpointId != takenAt) {
            return false;
        }
        takenAt = NONE;
        return true;
    }

    boolean taken() {
        return takenAt != NONE;
    }
}
