package com.globeco.trading.jobs;

import com.globeco.trading.testkit.fills.FillPublisher;
import com.globeco.trading.testkit.fills.GeneratedExecution;
import com.globeco.trading.testkit.fuzz.PoisonMessages;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The allocation job on a MiniCluster against in-process Kafka, embedded Postgres and the Trade Service simulator. */
class AllocationJobTest {
    @RegisterExtension
    static final EmbeddedServices STACK = new EmbeddedServices();
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(2, 2);

    private AllocationRun run;

    @BeforeEach
    void freshTopic() throws IOException {
        run = new AllocationRun(STACK);
    }

    @Test
    void eachClosedExecutionIsAllocatedOnceToARowAndAFileLine() throws Exception {
        List<GeneratedExecution> executions = run.executionsWithPortfolios(40);

        try (RunningJob job = start(TestFlink.environment()); FillPublisher publisher = run.publisher()) {
            publisher.publish(run.duplicatedAndShuffled(executions));
            run.awaitRows(executions, executions.size());

            run.assertAllocatedExactlyOnce(executions);
        }
    }

    @Test
    void closedExecutionsRedeliveredToAJobWithoutTheirMemoryAreNotBookedTwice() throws Exception {
        List<GeneratedExecution> booked = run.executionsWithPortfolios(20);
        try (RunningJob job = start(TestFlink.environment()); FillPublisher publisher = run.publisher()) {
            publisher.publish(AllocationRun.allFills(booked));
            run.awaitRows(booked, booked.size());
        }
        List<GeneratedExecution> fresh = run.executionsWithPortfolios(10);

        try (RunningJob job = start(TestFlink.environment()); FillPublisher publisher = run.publisher()) {
            publisher.publish(booked.stream().map(GeneratedExecution::lastFill).toList());
            publisher.publish(AllocationRun.allFills(fresh));
            run.awaitRows(fresh, fresh.size());

            run.assertAllocatedExactlyOnce(Stream.concat(booked.stream(), fresh.stream()).toList());
        }
    }

    @Test
    void anExecutionWithoutPortfolioIsDeadLetteredWithTheReason() throws Exception {
        List<GeneratedExecution> known = run.executionsWithPortfolios(5);
        List<GeneratedExecution> unknown = run.executionsWithoutPortfolios(2);

        try (RunningJob job = start(TestFlink.environment()); FillPublisher publisher = run.publisher()) {
            publisher.publish(AllocationRun.allFills(Stream.concat(known.stream(), unknown.stream()).toList()));
            run.awaitRows(known, known.size());
            List<ConsumerRecord<String, String>> letters = STACK.kafka().readCommitted(run.deadLetterTopic(), unknown.size(), TestFlink.PATIENCE);

            run.assertAllocatedExactlyOnce(known);
            assertThat(letters).hasSize(unknown.size()).allSatisfy(letter -> {
                assertThat(letter.value()).contains("\"reason\":\"PORTFOLIO_NOT_FOUND\"");
                assertThat(letter.key()).isIn(unknown.stream().map(e -> String.valueOf(e.executionServiceId())).toList());
            });
        }
    }

    @Test
    void tenThousandPoisonFillsOnEachInputTopicAreDeadLetteredWithoutARestartAndTheClosedExecutionsAreAllocatedOnce(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        List<GeneratedExecution> executions = run.executionsWithPortfolios(30);
        List<String> fills = AllocationRun.allFills(executions);
        List<PoisonMessages.Poison> poison = FillPoison.fills(8, 10_000);
        List<PoisonMessages.Poison> posted = FillPoison.fills(9, 10_000);

        try (RunningJob job = start(TestFlink.environment()); FillPublisher publisher = run.publisher();
             KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            FillPoison.publishMixed(publisher, fills, producer, run.topic(), poison);
            posted.forEach(message -> producer.send(new ProducerRecord<>(run.postedTopic(), message.payload())));
            producer.flush();
            int letterCount = poison.size() + posted.size();
            DeadLetterEnvelopes letters = new DeadLetterEnvelopes(STACK.kafka().readCommitted(run.deadLetterTopic(), letterCount, TestFlink.PATIENCE));
            run.awaitRows(executions, executions.size());

            assertThat(job.hasRestarted(cluster)).as("no fill restarts the job").isFalse();
            run.assertAllocatedExactlyOnce(executions);
            letters.assertEachMessageOnceWithAnError(letterCount);
            assertThat(letters.countByReason().keySet()).as("every poison fill is stopped at the gate").isSubsetOf(FillPoison.GATE_REASONS);
        }
    }

    @Test
    void losingTheTaskManagersMidStreamChangesNothing(@InjectMiniCluster MiniCluster cluster) throws Exception {
        publishAndMeanwhile(Disruption.loseTheTaskManagers(cluster), after -> assertThat(after.hasRestarted(cluster)).isTrue());
    }

    @Test
    void anUpgradeThroughASavepointMidStreamChangesNothing(@InjectMiniCluster MiniCluster cluster) throws Exception {
        publishAndMeanwhile(Disruption.upgradeTo(this::start), after -> assertThat(after.hasRestarted(cluster)).isFalse());
    }

    /** A quarter of the way through the closed executions, the disruption; then each allocated once. */
    private void publishAndMeanwhile(Disruption disruption, Disruption.Check check) throws Exception {
        List<GeneratedExecution> executions = run.executionsWithPortfolios(150);

        try (RunningJob job = start(TestFlink.environment()); FillPublisher publisher = run.publisher().withRate(200)) {
            Thread publishing = new Thread(() -> publisher.publish(run.duplicatedAndShuffled(executions)));
            publishing.start();
            run.awaitRows(executions, executions.size() / 4);
            try (RunningJob after = disruption.during(job)) {
                publishing.join();
                run.awaitRows(executions, executions.size());

                run.assertAllocatedExactlyOnce(executions);
                check.on(after);
            }
        }
    }

    private RunningJob start(StreamExecutionEnvironment env) throws Exception {
        AllocationJob.define(env, run.options().wiring());
        return RunningJob.start(env, AllocationJob.NAME + "-" + run.topic());
    }
}
