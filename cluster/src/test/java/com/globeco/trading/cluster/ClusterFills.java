package com.globeco.trading.cluster;

import com.globeco.trading.jobs.AuditTable;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One cluster test's fills: a topic of its own, 120 generated executions and their oracle, the fill-confirmation job
 * from the shaded jar on them, and their publication at 20 fills a second, slow enough for something to happen to the
 * job mid-stream.
 */
final class ClusterFills {
    private final ClusterUnderTest flink;
    private final ExecutionServiceSimulator service;
    private final ConfirmationTopic topic;
    private final FillOracle oracle;

    ClusterFills(EmbeddedServices stack, ClusterUnderTest flink) {
        this.flink = flink;
        service = stack.executionService();
        service.setLatency(Latency.fixed(Duration.ofMillis(2)));
        service.resetStats();
        topic = new ConfirmationTopic(stack, "cluster-fills-" + TestFlink.nextRun());
        oracle = new FillOracle(new FillGenerator(topic.name().hashCode(), ExecutionRegistry.inProcess(service)).executions(120), service);
    }

    FillOracle oracle() {
        return oracle;
    }

    AuditTable audit() {
        return topic.audit();
    }

    /** The shaded jar's FillConfirmationJob on this topic and the simulator, from the savepoint when given; its job id. */
    String startJob(String savepoint) throws Exception {
        List<String> arguments = new ArrayList<>(topic.arguments());
        arguments.addAll(List.of("--execution-service.url", service.baseUri().toString()));
        return flink.run(FillConfirmationJob.class.getName(), arguments, savepoint);
    }

    FillPublisher publisher() {
        return topic.publisher().withRate(20);
    }

    /** Publishes the oracle's fills in the background; returns once a tenth of them is audited. */
    Thread publishInTheBackground(FillPublisher publisher) throws Exception {
        Thread publishing = new Thread(() -> publisher.publish(oracle.fills()), "publish fills");
        publishing.start();
        topic.audit().awaitRows(oracle.fills().size() / 10, TestFlink.PATIENCE);
        return publishing;
    }
}
