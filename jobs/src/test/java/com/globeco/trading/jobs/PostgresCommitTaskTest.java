package com.globeco.trading.jobs;

import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamingJobGraphGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hotpath's Postgres commit, which waits for the database when a checkpoint completes, runs in a task of its own:
 * the position operator's task goes on applying trades meanwhile.
 */
class PostgresCommitTaskTest {
    private static final String POSTGRES_COMMITTER = "Event store and snapshots (Postgres, exactly once): Committer";

    @Test
    void thePostgresCommitterIsNotChainedToThePositionOperator() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        TradeHotpathJob.define(env, TradeHotpathOptions.from("--kafka.bootstrap-servers", "localhost:9").wiring());
        JobGraph graph = StreamingJobGraphGenerator.createJobGraph(env.getStreamGraph());
        List<String> tasks = StreamSupport.stream(graph.getVertices().spliterator(), false).map(JobVertex::getName).toList();

        assertThat(tasks).filteredOn(task -> task.contains("Keep positions")).singleElement()
                .satisfies(positions -> assertThat(positions).contains("Event store and snapshots (Postgres, exactly once): Writer")
                        .doesNotContain(POSTGRES_COMMITTER));
        assertThat(tasks).filteredOn(task -> task.contains(POSTGRES_COMMITTER)).singleElement()
                .satisfies(committer -> assertThat(committer).doesNotContain("Keep positions"));
    }
}
