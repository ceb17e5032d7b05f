package com.globeco.trading.savepoints;

import com.globeco.trading.jobs.EmbeddedServices;
import com.globeco.trading.jobs.RunningJob;
import com.globeco.trading.jobs.TestFlink;
import com.globeco.trading.jobs.TradeHotpathJob;
import com.globeco.trading.jobs.TradeHotpathOptions;
import com.globeco.trading.positions.LotsJson;
import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.TaxLots;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A savepoint of the trade hotpath's state layout v1 (before lots kept a reference price apart from
 * their cost) stays readable: the State Processor API reads every position as it was, and the job
 * restores from it and goes on, a new price resetting the restored positions of its instrument.
 */
class HotpathSavepointCompatibilityTest {
    @RegisterExtension
    static final EmbeddedServices STACK = new EmbeddedServices();
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(1, 2);

    @Test
    void theStateProcessorApiReadsEveryPositionOfLayoutV1() throws Exception {
        Map<String, Position> positions = readPositions();

        List<String[]> expected = Files.readAllLines(GoldenHotpathRun.V1.resolve("snapshots.tsv")).stream().skip(1)
                .map(line -> line.split("\t")).toList();
        assertThat(positions).hasSameSizeAs(expected);
        for (String[] row : expected) {
            Position state = positions.get(row[0]);
            TaxLots stored = LotsJson.read(row[3]);
            assertThat(state.version()).as("version of %s", row[0]).isEqualTo(Long.parseLong(row[1]));
            assertThat(state.status().name()).isEqualTo(row[2]);
            assertThat(state.lots()).as("lots of %s: v1's price serves as cost and reference", row[0]).isEqualTo(stored);
            assertThat(state.lots().marketValue()).isEqualByComparingTo(state.lots().costBasis());
        }
        assertThat(positions.get("ACC-G1:MSFT:USD").method().name()).isEqualTo("HIFO");
    }

    @Test
    void theJobRestoresFromLayoutV1AndANewPriceResetsTheRestoredPositions() throws Exception {
        TradeHotpathOptions options = GoldenHotpathRun.options(STACK);
        try (KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            GoldenHotpathRun.send(producer, options.topic("contract-events"), GoldenHotpathRun.CONTRACTS);
            GoldenHotpathRun.send(producer, options.topic("trade-events"), GoldenHotpathRun.RELEASE_0_1_0.trades());
            GoldenHotpathRun.send(producer, options.topic("market-data"), GoldenHotpathRun.RELEASE_0_1_0.prices());
            Configuration configuration = TestFlink.configuration();
            configuration.set(StateRecoveryOptions.SAVEPOINT_PATH, GoldenSavepoint.inTodaysTypes(GoldenHotpathRun.V1));
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
            TradeHotpathJob.define(env, options.wiring());

            try (RunningJob job = RunningJob.start(env, "restored-golden-trade-hotpath")) {
                GoldenHotpathRun.send(producer, options.topic("market-data"), List.of(
                        "{\"instrument\":\"AAPL\",\"price\":99,\"asOf\":\"2026-11-18T20:00:00Z\"}",
                        "{\"instrument\":\"AAPL\",\"price\":15.5,\"asOf\":\"2026-11-19T21:00:00Z\"}"));
                GoldenHotpathRun.send(producer, options.topic("trade-events"), List.of(GoldenHotpathRun.trade(
                        "G-9", "ACC-G1:MSFT:USD", "DECREASE", "5", "310", java.time.LocalDate.now(options.businessZone()).toString(),
                        java.time.Instant.now())));
                List<Event> events = awaitEvents(3);

                assertThat(events).extracting(Event::key, Event::version, Event::type).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("ACC-G1:AAPL:USD", 5L, "RESET"),
                        org.assertj.core.groups.Tuple.tuple("ACC-G2:AAPL:USD", 4L, "RESET"),
                        org.assertj.core.groups.Tuple.tuple("ACC-G1:MSFT:USD", 4L, "TRADE_APPLIED"));
                Event reset = events.stream().filter(event -> event.key().equals("ACC-G1:AAPL:USD")).findFirst().orElseThrow();
                assertThat(reset.payload()).as("the older price (99) was ignored: 30 x (15.5 - 14.75)")
                        .contains("\"resetPnl\": \"22.5000000000000000\"");
                Event decrease = events.stream().filter(event -> event.key().equals("ACC-G1:MSFT:USD")).findFirst().orElseThrow();
                assertThat(decrease.payload()).contains("\"realizedPnl\": \"50.0000000000000000\"").contains("\"openQuantity\": \"0.00000000\"");
            }
        }
    }

    private record Event(String key, long version, String type, String payload) {}

    private static List<Event> awaitEvents(int expected) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        List<Event> events;
        do {
            Thread.sleep(250);
            events = new ArrayList<>();
            try (Connection connection = STACK.postgres().dataSource().getConnection();
                 PreparedStatement statement = connection.prepareStatement(
                         "SELECT position_key, event_ver, event_type, payload::text FROM event_store ORDER BY recorded_at");
                 ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    events.add(new Event(result.getString(1), result.getLong(2), result.getString(3), result.getString(4)));
                }
            }
        } while (events.size() < expected && System.nanoTime() < deadline);
        Thread.sleep(1_000);
        return events;
    }

    private static Map<String, Position> readPositions() throws Exception {
        StreamExecutionEnvironment env = ConfirmationSavepoint.readerEnvironment(TestFlink.configuration());
        List<PositionStateView> all = new ArrayList<>();
        try (var views = HotpathSavepoint.positions(env, GoldenSavepoint.inTodaysTypes(GoldenHotpathRun.V1)).executeAndCollect("read golden savepoint")) {
            views.forEachRemaining(all::add);
        }
        return all.stream().collect(Collectors.toMap(PositionStateView::positionKey, PositionStateView::state));
    }
}
