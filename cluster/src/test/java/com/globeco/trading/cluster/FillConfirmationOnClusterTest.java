package com.globeco.trading.cluster;

import com.globeco.trading.jobs.EmbeddedServices;
import com.globeco.trading.jobs.TestFlink;
import com.globeco.trading.testkit.fills.FillPublisher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fill-confirmation job as deployed: its shaded jar run through the REST API on a cluster of separate JobManager
 * and TaskManager processes, against in-process Kafka, embedded Postgres and the Execution Service simulator. A tenth
 * of the way through the fills, something happens to the job; afterwards the oracle holds.
 */
class FillConfirmationOnClusterTest {
    @RegisterExtension
    static final EmbeddedServices STACK = new EmbeddedServices();
    @RegisterExtension
    static final ClusterUnderTest FLINK = ClusterUnderTest.withoutHighAvailability();

    private ClusterFills fills;

    @BeforeEach
    void freshTopic() {
        fills = new ClusterFills(STACK, FLINK);
    }

    @Test
    void theTaskManagersRunningTheJobKilledWithSigkillMidStreamLoseNoFillAndRecordNoneTwice() throws Exception {
        String job = fills.startJob(null);
        StandaloneCluster cluster = FLINK.cluster();

        try (FillPublisher publisher = fills.publisher()) {
            Thread publishing = fills.publishInTheBackground(publisher);
            assertThat(publishing.isAlive()).as("mid-stream").isTrue();
            Set<String> killed = FLINK.killTheTaskManagersOf(job);
            publishing.join();

            fills.oracle().assertEachFillOnceAndEveryExecutionMatchesThoughAnswersWereLost(fills.audit());
            assertThat(cluster.rest().failures(job)).as("the job failed over").isNotEmpty();
            assertThat(cluster.rest().jobState(job)).isEqualTo("RUNNING");
            assertThat(cluster.rest().taskManagersOf(job)).doesNotContainAnyElementsOf(killed);
        }
    }

    @Test
    void anUpgradeThroughASavepointMidStreamLosesNoFillAndRecordsNoneTwice() throws Exception {
        String job = fills.startJob(null);
        ClusterRest rest = FLINK.cluster().rest();

        try (FillPublisher publisher = fills.publisher()) {
            Thread publishing = fills.publishInTheBackground(publisher);
            assertThat(publishing.isAlive()).as("mid-stream").isTrue();
            String savepoint = rest.stopWithSavepoint(job, FLINK.cluster().workDir().resolve("savepoints").toUri(), TestFlink.PATIENCE);
            String upgraded = fills.startJob(savepoint);
            publishing.join();

            fills.oracle().assertEachFillOnceAndEveryExecutionMatchesThoughAnswersWereLost(fills.audit());
            assertThat(rest.jobState(job)).isEqualTo("FINISHED");
            assertThat(rest.failures(upgraded)).isEmpty();
        }
    }
}
