package com.globeco.trading.operators.positions;

import com.globeco.trading.operators.logging.CorrelatedLog;
import org.apache.flink.api.common.TaskInfoImpl;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseCheckTest {
    private static final int MAX_PARALLELISM = 128;
    private static final List<String> KEYS = IntStream.range(0, 20).mapToObj(account -> "ACC-" + account + ":AAPL:USD").toList();
    private static final CorrelatedLog LOG = new CorrelatedLog(LoggerFactory.getLogger(DatabaseCheckTest.class), "test");

    private final Map<String, Long> inState = Map.of("ACC-7:AAPL:USD", 3L, "ACC-8:AAPL:USD", 1L);

    @Test
    void aSubmittedJobFindsThePositionsItsStateHasNotReached() throws Exception {
        PositionsBehind behind = DatabaseCheck.positionsBehind(task(1, 0, 0),
                kept -> Map.of("ACC-7:AAPL:USD", 3L, "ACC-8:AAPL:USD", 2L, "ACC-9:AAPL:USD", 1L), this::versionInState, LOG);

        assertThat(behind.count()).isEqualTo(2);
        assertThat(behind.contains("ACC-7:AAPL:USD")).as("reached").isFalse();
        assertThat(behind.describe("ACC-9:AAPL:USD")).contains("at version 0, the database at 1");
    }

    @Test
    void theDatabaseIsAskedOnlyForTheKeysOfTheSubtask() throws Exception {
        List<String> asked = new ArrayList<>();
        DatabaseCheck.positionsBehind(task(2, 1, 0), kept -> {
            KEYS.stream().filter(kept).forEach(asked::add);
            return Map.of();
        }, this::versionInState, LOG);

        List<String> ofTheSubtask = KEYS.stream()
                .filter(key -> KeyGroupRangeAssignment.assignKeyToParallelOperator(key, MAX_PARALLELISM, 2) == 1).toList();
        assertThat(ofTheSubtask).isNotEmpty().hasSizeLessThan(KEYS.size());
        assertThat(asked).isEqualTo(ofTheSubtask);
    }

    @Test
    void afterAFailoverTheRestoredCheckpointIsWhatTheDatabaseCommittedAndNothingIsAsked() throws Exception {
        PositionsBehind behind = DatabaseCheck.positionsBehind(task(1, 0, 1), kept -> {
            throw new AssertionError("asked the database after a failover");
        }, this::versionInState, LOG);

        assertThat(behind.count()).isZero();
    }

    private long versionInState(String positionKey) {
        return inState.getOrDefault(positionKey, 0L);
    }

    private static TaskInfoImpl task(int parallelism, int subtask, int attempt) {
        return new TaskInfoImpl("keep-positions", MAX_PARALLELISM, subtask, parallelism, attempt);
    }
}
