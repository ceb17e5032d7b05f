package com.globeco.trading.cluster;

import com.globeco.trading.jobs.EmbeddedServices;
import com.globeco.trading.jobs.TestFlink;
import com.globeco.trading.testkit.fills.FillPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * High availability as deployed, with ZooKeeper standing in for Kubernetes: the JobManager process is killed with
 * SIGKILL mid-stream and a new one started; it takes the leadership, recovers the fill-confirmation job from its
 * latest checkpoint, the TaskManagers join it, and the oracle holds.
 */
class JobManagerFailoverTest {
    @RegisterExtension
    static final EmbeddedServices STACK = new EmbeddedServices();
    @RegisterExtension
    static final ClusterUnderTest FLINK = ClusterUnderTest.withZooKeeperHighAvailability();

    @Test
    void aJobManagerKilledMidStreamIsReplacedAndTheJobGoesOnFromItsLatestCheckpoint() throws Exception {
        ClusterFills fills = new ClusterFills(STACK, FLINK);
        String job = fills.startJob(null);
        StandaloneCluster cluster = FLINK.cluster();

        try (FillPublisher publisher = fills.publisher()) {
            Thread publishing = fills.publishInTheBackground(publisher);
            assertThat(publishing.isAlive()).as("mid-stream").isTrue();
            cluster.replaceJobManager(TestFlink.PATIENCE);
            FLINK.awaitRunning(job);
            publishing.join();

            fills.oracle().assertEachFillOnceAndEveryExecutionMatchesThoughAnswersWereLost(fills.audit());
            assertThat(cluster.rest().restoredCheckpoint(job)).as("the new JobManager restored a checkpoint").isPositive();
            assertThat(cluster.rest().jobState(job)).isEqualTo("RUNNING");
        }
    }
}
