package com.globeco.trading.savepoints;

import com.globeco.trading.jobs.EmbeddedServices;
import com.globeco.trading.jobs.RunningJob;
import com.globeco.trading.jobs.TestFlink;
import com.globeco.trading.jobs.TradeHotpathJob;
import com.globeco.trading.jobs.TradeHotpathOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Writes the trade hotpath's golden savepoint: a short deterministic run of the job as built now,
 * stopped with a canonical savepoint, next to the snapshot rows it must restore to. Run it only when
 * a state layout is retired, e.g. {@code mvn -pl savepoints verify -Dtest=WriteHotpathGoldenSavepoint
 * -Dgolden.write=savepoints/src/test/resources/golden/trade-hotpath/v1}; the compatibility tests read
 * what it wrote for ever after.
 */
@EnabledIfSystemProperty(named = "golden.write", matches = ".+")
class WriteHotpathGoldenSavepoint {
    @RegisterExtension
    static final EmbeddedServices STACK = new EmbeddedServices();
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(1, 2);

    @Test
    void writeTheGoldenSavepoint() throws Exception {
        Path target = Path.of(System.getProperty("golden.write")).toAbsolutePath();
        TradeHotpathOptions options = GoldenHotpathRun.options(STACK);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(TestFlink.configuration());
        TradeHotpathJob.define(env, options.wiring());

        try (RunningJob job = RunningJob.start(env, "golden-trade-hotpath");
             KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            GoldenHotpathRun.send(producer, options.topic("contract-events"), GoldenHotpathRun.CONTRACTS);
            awaitEvents(0);
            GoldenHotpathRun.send(producer, options.topic("trade-events"), GoldenHotpathRun.TRADES);
            awaitEvents(GoldenHotpathRun.TRADES.size());
            GoldenHotpathRun.send(producer, options.topic("market-data"), GoldenHotpathRun.PRICES);
            awaitEvents(GoldenHotpathRun.TRADES.size() + GoldenHotpathRun.RESETS);
            Path written = Path.of(java.net.URI.create(job.stopWithSavepoint(target.resolve("tmp").toUri().toString())));
            Files.move(written, target.resolve("savepoint"));
            Files.delete(target.resolve("tmp"));
        }
        Files.writeString(target.resolve("snapshots.tsv"), snapshots());
    }

    private static void awaitEvents(int expected) throws Exception {
        Thread.sleep(3_000);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (count("SELECT count(*) FROM event_store") < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + expected + " events");
            }
            Thread.sleep(200);
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = STACK.postgres().dataSource().getConnection();
             Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String snapshots() throws Exception {
        StringBuilder rows = new StringBuilder("position_key\tversion\tstatus\ttax_lots_compressed\n");
        try (Connection connection = STACK.postgres().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT position_key, version, status, tax_lots_compressed::text FROM snapshot_store ORDER BY position_key")) {
            while (result.next()) {
                rows.append(result.getString(1)).append('\t').append(result.getLong(2)).append('\t')
                        .append(result.getString(3)).append('\t').append(result.getString(4)).append('\n');
            }
        }
        return rows.toString();
    }
}
