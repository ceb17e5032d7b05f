package com.globeco.trading.operators.reconciliation;

import com.globeco.trading.operators.sinks.PostgresSettings;
import com.globeco.trading.testkit.LocalPostgres;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.jdbc.core.datastream.source.reader.extractor.ResultExtractor;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader of the position tables that fails late in a batch run, after the other reader has finished its slices,
 * has its slices read again: every row arrives once. With the connector's own enumerator the failed reader's
 * slices went to the finished reader and were never read.
 */
class RequeueingJdbcSourceTest {
    private static final int ROWS = 400;
    private static final AtomicInteger EXTRACTED = new AtomicInteger();
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());
    private static LocalPostgres postgres;

    @BeforeAll
    static void tableOfPositions() throws Exception {
        postgres = LocalPostgres.start(LocalPostgres.Durability.FAST);
        try (Connection connection = postgres.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE positions (position_key text PRIMARY KEY)");
            statement.execute("INSERT INTO positions SELECT 'P-' || n FROM generate_series(1, " + ROWS + ") n");
        }
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void aReaderThatFailsLateHasItsSlicesReadAgainAndEveryRowArrivesOnce() throws Exception {
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(restarts);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(2);
        PostgresSettings settings = new PostgresSettings(postgres.jdbcUrl(), postgres.user(), postgres.password());

        List<String> read = env.fromSource(PositionTableSources.source(settings, 8, "SELECT position_key FROM positions" + PositionTableSources.SLICE,
                        Types.STRING, new FailingOnceNearTheEnd()), WatermarkStrategy.noWatermarks(), "Positions")
                .executeAndCollect(ROWS * 2);

        assertThat(EXTRACTED.get()).as("a reader failed and read again").isGreaterThan(ROWS);
        assertThat(read).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, ROWS).mapToObj(n -> "P-" + n).toList());
    }

    /** Fails the reader that extracts the row before last, the first time; the other reader is done by then. */
    private static final class FailingOnceNearTheEnd implements ResultExtractor<String> {
        @Override
        public String extract(java.sql.ResultSet row) throws java.sql.SQLException {
            if (EXTRACTED.incrementAndGet() == ROWS - 1) {
                throw new java.sql.SQLException("connection lost (injected)");
            }
            return row.getString(1);
        }
    }
}
