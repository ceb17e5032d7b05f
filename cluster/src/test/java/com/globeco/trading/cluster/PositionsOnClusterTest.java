package com.globeco.trading.cluster;

import com.globeco.trading.jobs.BackdatedColdpathJob;
import com.globeco.trading.jobs.BackdatedScenario;
import com.globeco.trading.jobs.EmbeddedServices;
import com.globeco.trading.jobs.PositionsRun;
import com.globeco.trading.jobs.TradeHotpathJob;
import com.globeco.trading.jobs.TradeScenario;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trade hotpath and the backdated coldpath as deployed: both shaded-jar jobs through the REST API on a cluster of
 * separate JobManager and TaskManager processes, their state changes logged (the changelog state backend, as the hotpath
 * is deployed). Trades, a third of them backdated, arrive over ten seconds; every
 * TaskManager running either job is killed with SIGKILL a quarter of the way through; afterwards every position equals the oracle's
 * replay in effective-date order, each trade applied once, each correction published once.
 */
class PositionsOnClusterTest {
    @RegisterExtension
    static final EmbeddedServices STACK = new EmbeddedServices();
    @RegisterExtension
    static final ClusterUnderTest FLINK = ClusterUnderTest.withChangelogStateBackend();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));

    private PositionsRun positions;

    @BeforeEach
    void freshTopics() {
        positions = new PositionsRun(STACK);
    }

    @Test
    void theTaskManagersOfBothJobsKilledWithSigkillMidStreamLeaveEveryPositionTheTruthAndEveryEventOnce() throws Exception {
        BackdatedScenario scenario = new BackdatedScenario(positions.id(), 10, 20, TODAY, 13);
        String hotpath = FLINK.run(TradeHotpathJob.class.getName(), positions.hotpathArguments(), null);
        String coldpath = FLINK.run(BackdatedColdpathJob.class.getName(), positions.coldpathArguments(), null);
        ClusterRest rest = FLINK.cluster().rest();

        try (KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            Thread publishing = new Thread(() ->
                    TradeScenario.publishSlowly(producer, positions.tradeTopic(), scenario.trades(), Duration.ofSeconds(1)), "publish trades");
            publishing.start();
            positions.awaitTradeEvents(scenario.trades().size() / 4);
            assertThat(publishing.isAlive()).as("mid-stream").isTrue();
            Set<String> killed = FLINK.killTheTaskManagersOf(hotpath, coldpath);
            publishing.join();
            positions.awaitReconciled(scenario);

            positions.assertEveryPositionIsTheTruth(scenario);
            positions.assertCorrectionsPublishedOnce();
            try (Stream<Path> logged = Files.walk(FLINK.changelogDirectory())) {
                assertThat(logged.filter(Files::isRegularFile)).as("state changes logged").isNotEmpty();
            }
            for (String job : Set.of(hotpath, coldpath)) {
                assertThat(rest.failures(job)).as("%s failed over", job).isNotEmpty();
                assertThat(rest.jobState(job)).isEqualTo("RUNNING");
                assertThat(rest.taskManagersOf(job)).doesNotContainAnyElementsOf(killed);
            }
        }
    }
}
