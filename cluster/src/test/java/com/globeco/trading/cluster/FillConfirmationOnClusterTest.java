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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    private ExecutionServiceSimulator service;
    private ConfirmationTopic topic;
    private FillOracle oracle;

    @BeforeEach
    void freshTopic() {
        service = STACK.executionService();
        service.setLatency(Latency.fixed(Duration.ofMillis(2)));
        service.resetStats();
        topic = new ConfirmationTopic(STACK, "cluster-fills-" + TestFlink.nextRun());
        oracle = new FillOracle(new FillGenerator(topic.name().hashCode(), ExecutionRegistry.inProcess(service)).executions(120), service);
    }

    @Test
    void theTaskManagersRunningTheJobKilledWithSigkillMidStreamLoseNoFillAndRecordNoneTwice() throws Exception {
        String job = start(null);
        StandaloneCluster cluster = FLINK.cluster();

        try (FillPublisher publisher = topic.publisher().withRate(20)) {
            Thread publishing = publishInTheBackground(publisher);
            Set<String> running = cluster.rest().taskManagersOf(job);
            assertThat(publishing.isAlive()).as("mid-stream").isTrue();
            for (String taskManager : running) {
                cluster.taskManager(taskManager).kill();
                cluster.startTaskManager();
            }
            publishing.join();

            oracle.assertEachFillOnceAndEveryExecutionMatchesAfterAKill(topic.audit());
            assertThat(cluster.rest().failures(job)).as("the job failed over").isNotEmpty();
            assertThat(cluster.rest().jobState(job)).isEqualTo("RUNNING");
            assertThat(cluster.rest().taskManagersOf(job)).doesNotContainAnyElementsOf(running);
        }
    }

    @Test
    void anUpgradeThroughASavepointMidStreamLosesNoFillAndRecordsNoneTwice() throws Exception {
        String job = start(null);
        ClusterRest rest = FLINK.cluster().rest();

        try (FillPublisher publisher = topic.publisher().withRate(20)) {
            Thread publishing = publishInTheBackground(publisher);
            assertThat(publishing.isAlive()).as("mid-stream").isTrue();
            String savepoint = rest.stopWithSavepoint(job, FLINK.cluster().workDir().resolve("savepoints").toUri(), TestFlink.PATIENCE);
            String upgraded = start(savepoint);
            publishing.join();

            oracle.assertEachFillOnceAndEveryExecutionMatches(topic.audit());
            assertThat(rest.jobState(job)).isEqualTo("FINISHED");
            assertThat(rest.failures(upgraded)).isEmpty();
        }
    }

    /** The shaded jar's FillConfirmationJob on this test's topic and the simulator, from the savepoint when given. */
    private String start(String savepoint) throws Exception {
        List<String> arguments = new ArrayList<>(topic.arguments());
        arguments.addAll(List.of("--execution-service.url", service.baseUri().toString()));
        return FLINK.run(FillConfirmationJob.class.getName(), arguments, savepoint);
    }

    /** Publishes the oracle's fills at the publisher's pace; returns once a tenth of them is audited. */
    private Thread publishInTheBackground(FillPublisher publisher) throws InterruptedException {
        Thread publishing = new Thread(() -> publisher.publish(oracle.fills()), "publish fills");
        publishing.start();
        topic.audit().awaitRows(oracle.fills().size() / 10, TestFlink.PATIENCE);
        return publishing;
    }
}
