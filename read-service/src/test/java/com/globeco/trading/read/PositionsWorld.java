package com.globeco.trading.read;

import com.globeco.trading.jobs.BackdatedColdpathJob;
import com.globeco.trading.jobs.BackdatedScenario;
import com.globeco.trading.jobs.EmbeddedServices;
import com.globeco.trading.jobs.PositionsRun;
import com.globeco.trading.jobs.RunningJob;
import com.globeco.trading.jobs.TestFlink;
import com.globeco.trading.jobs.TradeHotpathJob;
import com.globeco.trading.jobs.TradeScenario;
import com.globeco.trading.positions.LotReplayOracle;
import com.globeco.trading.positions.TaxLotMethod;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One world per test JVM for the positions API: positions written by the real trade hotpath and backdated coldpath
 * (a seeded scenario with backdated trades, published a slice at a time, each committed before the next, so that
 * its events are recorded at several instants), all RECONCILED; then, with the coldpath stopped, one more position left PROVISIONAL by a backdated trade.
 * The read service reads them as globeco_reader.
 */
final class PositionsWorld implements AutoCloseable {
    /** A day in the past of any day the tests run on: the scenario's trades are dated before it, none in the future. */
    static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("America/New_York"));
    private static final int PARALLELISM = 2;
    /** Where the world's read service posts executions (no job reads them here). */
    private static final String POSTED_TOPIC = "positions-world-posted-executions";
    /** Trades published at a time, each slice committed before the next: their events are recorded at several instants. */
    private static final int SLICE = 21;

    private final EmbeddedServices stack;
    private final BackdatedScenario scenario;
    private final String provisionalKey;
    private final Running service;

    private PositionsWorld(EmbeddedServices stack, BackdatedScenario scenario, String provisionalKey, Running service) {
        this.stack = stack;
        this.scenario = scenario;
        this.provisionalKey = provisionalKey;
        this.service = service;
    }

    private static PositionsWorld start() {
        EmbeddedServices stack = new EmbeddedServices();
        stack.beforeAll(null);
        try {
            PositionsRun run = new PositionsRun(stack);
            BackdatedScenario scenario = new BackdatedScenario(run.id(), 6, 14, TODAY, 21);
            String provisional = "ACC-" + run.id().toUpperCase() + "-P:INSTR0:USD";
            write(stack, run, scenario, provisional);
            stack.kafka().createTopics(1, POSTED_TOPIC);
            return new PositionsWorld(stack, scenario, provisional, ReadService.start(ReaderSettings.of(stack.postgres())
                    .withPosting(ReaderSettings.posting(stack.kafka(), stack.kafka().bootstrapServers(), POSTED_TOPIC)), TestClocks.FIXED));
        } catch (Exception e) {
            stack.afterAll(null);
            throw new IllegalStateException("the positions world did not start", e);
        }
    }

    private static void write(EmbeddedServices stack, PositionsRun run, BackdatedScenario scenario, String provisional) throws Exception {
        try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(TestFlink.configuration()).setNumTaskManagers(2).setNumSlotsPerTaskManager(PARALLELISM).build())) {
            cluster.start();
            TestStreamEnvironment.setAsContext(cluster, PARALLELISM);
            try (RunningJob hotpath = start(env -> TradeHotpathJob.define(env, run.hotpath().wiring()), "hotpath-" + run.id());
                 KafkaProducer<byte[], byte[]> producer = stack.kafka().producer()) {
                try (RunningJob coldpath = start(env -> BackdatedColdpathJob.define(env, run.coldpath().wiring()), "coldpath-" + run.id())) {
                    List<TradeScenario.Trade> trades = scenario.trades();
                    for (int from = 0; from < trades.size(); from += SLICE) {
                        int to = Math.min(trades.size(), from + SLICE);
                        TradeScenario.publish(producer, run.tradeTopic(), trades.subList(from, to));
                        run.awaitTradeEvents(to);
                    }
                    run.awaitReconciled(scenario);
                }
                TradeScenario.publish(producer, run.tradeTopic(), List.of(
                        trade(provisional, "P-1", "NEW_TRADE", "100", "10.5", TODAY.minusDays(1)),
                        trade(provisional, "P-2", "INCREASE", "40", "9.25", TODAY.minusDays(4))));
                run.awaitTradeEvents(scenario.trades().size() + 2);
            } finally {
                TestStreamEnvironment.unsetAsContext();
            }
        }
    }

    private static RunningJob start(java.util.function.Consumer<StreamExecutionEnvironment> definition, String name) throws Exception {
        StreamExecutionEnvironment env = TestFlink.environment();
        definition.accept(env);
        return RunningJob.start(env, name);
    }

    private static TradeScenario.Trade trade(String key, String id, String type, String quantity, String price, LocalDate day) {
        return new TradeScenario.Trade(key, id, TradeScenario.json(id, key, type, new BigDecimal(quantity), new BigDecimal(price), day));
    }

    Http http() {
        return new Http(service.port());
    }

    /** The environment {@code ./platform audit} reads the database from, as globeco_reader. */
    Map<String, String> auditEnvironment() {
        return Map.of("POSTGRES_URL", stack.postgres().jdbcUrl(), "POSTGRES_USER", ReadSettings.READER_ROLE, "POSTGRES_PASSWORD", "");
    }

    /** The reconciled positions, each with its history in arrival order and its trade ids. */
    List<String> reconciledKeys() {
        return List.copyOf(scenario.histories().keySet());
    }

    String provisionalKey() {
        return provisionalKey;
    }

    /** The oracle's truth of a position from its trades recorded by {@code knownAt} and dated by {@code asOf}. */
    LotReplayOracle.Outcome truth(String key, Instant knownAt, LocalDate asOf) throws SQLException {
        Map<String, Instant> recorded = recordedAt(key);
        List<LotReplayOracle.Dated> history = scenario.histories().get(key);
        List<String> ids = scenario.trades().stream().filter(trade -> trade.positionKey().equals(key)).map(TradeScenario.Trade::tradeId).toList();
        List<LotReplayOracle.Dated> known = new ArrayList<>();
        for (int step = 0; step < history.size(); step++) {
            Instant at = recorded.get(ids.get(step));
            if (!at.isAfter(knownAt) && !history.get(step).date().isAfter(asOf)) {
                known.add(history.get(step));
            }
        }
        return LotReplayOracle.truth(known, TaxLotMethod.FIFO);
    }

    /** Every instant at which some of the position's trade events were recorded, in order. */
    List<Instant> recordingInstants(String key) throws SQLException {
        return List.copyOf(new TreeSet<>(recordedAt(key).values()));
    }

    /** The first and the last effective date of the position's trades. */
    List<LocalDate> dateRange(String key) {
        List<LocalDate> days = scenario.histories().get(key).stream().map(LotReplayOracle.Dated::date).sorted().toList();
        return List.of(days.get(0), days.get(days.size() - 1));
    }

    /** Each trade's recorded_at, read as the database's owner. */
    private Map<String, Instant> recordedAt(String key) throws SQLException {
        Map<String, Instant> recorded = new LinkedHashMap<>();
        try (Connection connection = stack.postgres().dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT trade_id, recorded_at FROM event_store WHERE position_key = ?"
                     + " AND event_type IN ('TRADE_APPLIED', 'PROVISIONAL_TRADE_APPLIED') ORDER BY event_ver")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    recorded.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                }
            }
        }
        return recorded;
    }

    @Override
    public void close() {
        try {
            service.close();
        } finally {
            stack.afterAll(null);
        }
    }

    private static PositionsWorld shared;

    /**
     * The JVM's one world, for JUnit tests ({@link Shared}) and jqwik properties alike (jqwik does not run JUnit's
     * extensions); closed when the JVM ends.
     */
    static synchronized PositionsWorld shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "positions-world-close"));
        }
        return shared;
    }

    /** Gives a test class the JVM's world, started by the first class that asks. */
    static final class Shared implements BeforeAllCallback {
        private PositionsWorld world;

        @Override
        public void beforeAll(ExtensionContext context) {
            world = shared();
        }

        PositionsWorld world() {
            return world;
        }
    }
}
