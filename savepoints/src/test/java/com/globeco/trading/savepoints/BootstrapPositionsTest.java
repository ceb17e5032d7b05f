package com.globeco.trading.savepoints;

import com.globeco.trading.positions.EventType;
import com.globeco.trading.jobs.BackdatedColdpathJob;
import com.globeco.trading.jobs.BackdatedColdpathOptions;
import com.globeco.trading.jobs.BackdatedScenario;
import com.globeco.trading.jobs.EmbeddedServices;
import com.globeco.trading.jobs.PositionTables;
import com.globeco.trading.jobs.RunningJob;
import com.globeco.trading.jobs.TestFlink;
import com.globeco.trading.jobs.TradeHotpathJob;
import com.globeco.trading.jobs.TradeHotpathOptions;
import com.globeco.trading.jobs.TradeScenario;
import com.globeco.trading.positions.LotReplayOracle;
import com.globeco.trading.positions.PositionEvent;
import com.globeco.trading.positions.TaxLots;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.runtime.testutils.CommonTestUtils;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trade hotpath loses its state. Started from nothing it refuses every trade of a position the database holds;
 * a savepoint bootstrapped from the database brings it back: started from
 * it, with the trades after the loss and the coldpath, every position ends equal to the oracle and RECONCILED,
 * every trade applied once and versions without gaps, as in a run that never lost its state.
 */
class BootstrapPositionsTest {
    @RegisterExtension
    static final EmbeddedServices STACK = new EmbeddedServices();
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(2, 2);
    private static final String RUN = "bootstrap";
    private static final String KEYS = "ACC-" + RUN.toUpperCase() + "%";

    @Test
    void aHotpathThatLostItsStateGoesOnFromASavepointBootstrappedFromTheDatabase() throws Exception {
        BackdatedScenario scenario = new BackdatedScenario(RUN, 6, 16, LocalDate.now(ZoneId.of("America/New_York")), 21);
        List<TradeScenario.Trade> before = scenario.trades().subList(0, scenario.trades().size() / 2);
        List<TradeScenario.Trade> after = scenario.trades().subList(before.size(), scenario.trades().size());
        TradeHotpathOptions hotpath = TradeHotpathOptions.from(STACK.jobArguments("--hotpath.topic-prefix", RUN + ".",
                "--contract-service.url", STACK.contractService().baseUri().toString()));
        BackdatedColdpathOptions coldpath = BackdatedColdpathOptions.from(STACK.jobArguments("--coldpath.topic-prefix", RUN + "."));
        STACK.kafka().createTopics(4, hotpath.topics());
        STACK.kafka().createTopics(4, coldpath.topics());
        PositionTables tables = STACK.positionTables();
        String savepoint = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "bootstrapped-hotpath").toUri().toString();

        try (KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            try (RunningJob lost = start(hotpath, null)) {
                TradeScenario.publish(producer, hotpath.topic("trade-events"), before);
                CommonTestUtils.waitUntilCondition(() -> tradeEvents(tables) == before.size());
                Thread.sleep(3_000);
            }
            TradeHotpathOptions fromNothing = TradeHotpathOptions.from(STACK.jobArguments("--hotpath.topic-prefix", RUN + ".",
                    "--hotpath.consumer-group", "position-hotpath-from-nothing", "--contract-service.url", STACK.contractService().baseUri().toString()));
            try (RunningJob withoutState = start(fromNothing, null)) {
                List<ConsumerRecord<String, String>> letters = STACK.kafka().readCommitted(hotpath.topic("trade-events-dlq"), before.size(),
                        TestFlink.PATIENCE);
                assertThat(letters).as("started from nothing, every trade read again is refused")
                        .allSatisfy(letter -> assertThat(letter.value()).contains("\"reason\":\"STATE_BEHIND_DATABASE\""));
                assertThat(tradeEvents(tables)).as("and the database is left alone").isEqualTo(before.size());
            }
            BootstrapPositions.write(ConfirmationSavepoint.writerEnvironment(TestFlink.configuration()), STACK.postgresSettings(),
                    savepoint, BootstrapPositions.MAX_PARALLELISM, 4);
            assertThat(JobState.TRADE_HOTPATH.rows(ConfirmationSavepoint.readerEnvironment(TestFlink.configuration()), savepoint, Instant.now()))
                    .as("one row a position").hasSize(scenario.histories().size());

            try (RunningJob restored = start(hotpath, savepoint); RunningJob cold = startColdpath(coldpath)) {
                TradeScenario.publish(producer, hotpath.topic("trade-events"), after);
                CommonTestUtils.waitUntilCondition(() -> tradeEvents(tables) == scenario.trades().size()
                        && !tables.statuses(KEYS).contains("PROVISIONAL"));
                Thread.sleep(2_000);
            }
        }

        assertThat(tradeEvents(tables)).as("every trade applied once").isEqualTo(scenario.trades().size());
        for (String key : scenario.histories().keySet()) {
            LotReplayOracle.Outcome truth = scenario.truth(key);
            TaxLots lots = tables.snapshotLots(key);
            assertThat(lots.ids()).as("open lots of %s", key).containsExactlyElementsOf(truth.openLots().stream().map(lot -> lot.id).toList());
            List<Long> versions = tables.versions(key);
            assertThat(versions).as("versions of %s", key).containsExactlyElementsOf(LongStream.rangeClosed(1, versions.size()).boxed().toList());
        }
    }

    private static int tradeEvents(PositionTables tables) throws Exception {
        return tables.eventCount(KEYS, EventType.TRADE_APPLIED) + tables.eventCount(KEYS, EventType.PROVISIONAL_TRADE_APPLIED);
    }

    private static RunningJob start(TradeHotpathOptions hotpath, String savepoint) throws Exception {
        Configuration configuration = TestFlink.configuration();
        if (savepoint != null) {
            configuration.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        TradeHotpathJob.define(env, hotpath.wiring());
        return RunningJob.start(env, TradeHotpathJob.NAME + "-" + RUN + (savepoint == null ? "" : "-bootstrapped"));
    }

    private static RunningJob startColdpath(BackdatedColdpathOptions coldpath) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(TestFlink.configuration());
        BackdatedColdpathJob.define(env, coldpath.wiring());
        return RunningJob.start(env, BackdatedColdpathJob.NAME + "-" + RUN);
    }
}
