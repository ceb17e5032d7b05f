package com.globeco.trading.cluster;

import com.globeco.trading.jobs.AllocationJob;
import com.globeco.trading.jobs.AllocationRun;
import com.globeco.trading.jobs.EmbeddedServices;
import com.globeco.trading.testkit.fills.FillPublisher;
import com.globeco.trading.testkit.fills.GeneratedExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allocation job as deployed: its shaded jar through the REST API on a cluster of separate processes. Closed
 * executions, their fills duplicated and shuffled, arrive over some seconds; the TaskManagers running the job are
 * killed with SIGKILL mid-stream; afterwards each execution is allocated once, to one row and one committed line of a
 * Portfolio Accounting file.
 */
class AllocationOnClusterTest {
    @RegisterExtension
    static final EmbeddedServices STACK = new EmbeddedServices();
    @RegisterExtension
    static final ClusterUnderTest FLINK = ClusterUnderTest.withoutHighAvailability();

    @Test
    void theTaskManagersRunningTheJobKilledWithSigkillMidStreamLeaveEachExecutionAllocatedOnce() throws Exception {
        AllocationRun run = new AllocationRun(STACK);
        List<GeneratedExecution> executions = run.executionsWithPortfolios(80);
        String job = FLINK.run(AllocationJob.class.getName(), run.arguments(), null);
        ClusterRest rest = FLINK.cluster().rest();

        try (FillPublisher publisher = run.publisher().withRate(20)) {
            Thread publishing = new Thread(() -> publisher.publish(run.duplicatedAndShuffled(executions)), "publish fills");
            publishing.start();
            run.awaitRows(executions, executions.size() / 10);
            assertThat(publishing.isAlive()).as("mid-stream").isTrue();
            Set<String> killed = FLINK.killTheTaskManagersOf(job);
            publishing.join();
            run.awaitRows(executions, executions.size());

            run.assertAllocatedExactlyOnce(executions);
            assertThat(rest.failures(job)).as("the job failed over").isNotEmpty();
            assertThat(rest.jobState(job)).isEqualTo("RUNNING");
            assertThat(rest.taskManagersOf(job)).doesNotContainAnyElementsOf(killed);
        }
    }
}
