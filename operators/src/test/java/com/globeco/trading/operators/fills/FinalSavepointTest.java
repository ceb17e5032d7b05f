package com.globeco.trading.operators.fills;

import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.CheckpointOptions;
import org.apache.flink.runtime.checkpoint.SavepointType;
import org.apache.flink.runtime.state.CheckpointStorageLocationReference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FinalSavepointTest {
    private final FinalSavepoint finalSavepoint = new FinalSavepoint();

    @Test
    void checkpointsAndSavepointsThatDoNotStopTheJobAreNoFinalSavepoint() {
        finalSavepoint.snapshotting(1, CheckpointOptions.forCheckpointWithDefaultLocation());
        finalSavepoint.snapshotting(2, options(SavepointType.savepoint(SavepointFormatType.CANONICAL)));

        assertThat(finalSavepoint.taken()).isFalse();
        assertThat(finalSavepoint.aborted(2)).isFalse();
    }

    @Test
    void theSavepointOfAStopIsFinalUntilItIsAborted() {
        finalSavepoint.snapshotting(3, options(SavepointType.suspend(SavepointFormatType.CANONICAL)));
        assertThat(finalSavepoint.taken()).isTrue();

        assertThat(finalSavepoint.aborted(2)).as("another checkpoint aborted").isFalse();
        assertThat(finalSavepoint.taken()).isTrue();

        assertThat(finalSavepoint.aborted(3)).isTrue();
        assertThat(finalSavepoint.taken()).isFalse();
    }

    @Test
    void aTerminatingSavepointIsFinalToo() {
        finalSavepoint.snapshotting(4, options(SavepointType.terminate(SavepointFormatType.NATIVE)));

        assertThat(finalSavepoint.taken()).isTrue();
    }

    private static CheckpointOptions options(SavepointType type) {
        return new CheckpointOptions(type, CheckpointStorageLocationReference.getDefault());
    }
}
