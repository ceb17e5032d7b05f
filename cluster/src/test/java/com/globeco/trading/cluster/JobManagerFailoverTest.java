package com.globeco.trading.cluster;

import com.globeco.trading.jobs.ConfirmationTopic;
import com.globeco.trading.jobs.EmbeddedServices;
import com.globeco.trading.jobs.FillConfirmationJob;
import com.globeco.trading.jobs.FillOracle;
import com.globeco.trading.jobs.TestFlink;
import com.globeco.trading.testkit.execution.ExecutionServiceSimulator;
import com.globeco.trading.testkit.execution.Latency;
import com.globeco.trading.testkit.fills.ExecutionRegistry;
import com.globeco.trading.testkit.fills.FillGenerator;
import com.globeco.trading.testkit.fills.FillPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
        ExecutionServiceSimulator service = STACK.executionService();
        service.setLatency(Latency.fixed(Duration.ofMillis(2)));
        ConfirmationTopic topic = new ConfirmationTopic(STACK, "failover-fills-" + TestFlink.nextRun());
        FillOracle oracle = new FillOracle(new FillGenerator(topic.name().hashCode(), ExecutionRegistry.inProcess(service)).executions(120),
                service);
        List<String> arguments = new ArrayList<>(topic.arguments());
        arguments.addAll(List.of("--execution-service.url", service.baseUri().toString()));
        String job = FLINK.run(FillConfirmationJob.class.getName(), arguments, null);
        StandaloneCluster cluster = FLINK.cluster();

        try (FillPublisher publisher = topic.publisher().withRate(20)) {
            Thread publishing = new Thread(() -> publisher.publish(oracle.fills()), "publish fills");
            publishing.start();
            topic.audit().awaitRows(oracle.fills().size() / 10, TestFlink.PATIENCE);
            assertThat(publishing.isAlive()).as("mid-stream").isTrue();
            cluster.replaceJobManager(TestFlink.PATIENCE);
            FLINK.awaitRunning(job);
            publishing.join();

            oracle.assertEachFillOnceAndEveryExecutionMatchesAfterAKill(topic.audit());
            assertThat(cluster.rest().restoredCheckpoint(job)).as("the new JobManager restored a checkpoint").isPositive();
            assertThat(cluster.rest().jobState(job)).isEqualTo("RUNNING");
        }
    }
}
