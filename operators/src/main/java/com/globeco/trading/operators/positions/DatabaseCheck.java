package com.globeco.trading.operators.positions;

import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.operators.logging.CorrelatedLog;
import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.runtime.state.KeyGroupRange;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;

/**
 * The start-up check of a subtask's positions against the versions the database holds ({@link PositionsBehind}).
 * Only when the job is submitted (from a savepoint or checkpoint that may be older than the database, or with none):
 * after a task failover the restored checkpoint is exactly what the two-phase event-store sink committed.
 */
final class DatabaseCheck {
    private DatabaseCheck() {}

    /** Asks {@code stored} for the keys of this subtask only, and logs what is behind. */
    static PositionsBehind positionsBehind(TaskInfo task, StoredVersions stored, PositionsBehind.VersionInState inState,
                                           CorrelatedLog log) throws Exception {
        if (task.getAttemptNumber() > 0) {
            return PositionsBehind.none();
        }
        int keyGroups = task.getMaxNumberOfParallelSubtasks();
        KeyGroupRange kept = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(keyGroups,
                task.getNumberOfParallelSubtasks(), task.getIndexOfThisSubtask());
        PositionsBehind found = PositionsBehind.find(
                stored.of(positionKey -> kept.contains(KeyGroupRangeAssignment.assignToKeyGroup(positionKey, keyGroups))), inState);
        if (found.count() > 0) {
            log.error(null, "{} positions of this subtask are behind the database (e.g. {}); their trades are dead-lettered as {}: {}",
                    found.count(), found.examples(), DeadLetterReason.STATE_BEHIND_DATABASE, PositionsBehind.REMEDY);
        }
        return found;
    }
}
