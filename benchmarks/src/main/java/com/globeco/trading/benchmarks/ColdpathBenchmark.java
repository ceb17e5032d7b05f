package com.globeco.trading.benchmarks;

import com.globeco.trading.jobs.BackdatedColdpathJob;
import com.globeco.trading.jobs.BackdatedColdpathOptions;
import com.globeco.trading.jobs.TradeHotpathJob;
import com.globeco.trading.jobs.TradeHotpathOptions;
import com.globeco.trading.local.ConsoleAndLogFile;
import com.globeco.trading.local.LocalCluster;
import com.globeco.trading.local.LocalFlink;
import com.globeco.trading.local.PlatformOptions;
import com.globeco.trading.local.PlatformStack;
import com.globeco.trading.operators.coldpath.ColdpathSettings;
import com.globeco.trading.operators.coldpath.EventStreamLoader;
import com.globeco.trading.operators.sinks.PostgresSettings;
import com.globeco.trading.positions.EventJson;
import com.globeco.trading.positions.HistoryStep;
import com.globeco.trading.positions.Hotpath;
import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.Replay;
import com.globeco.trading.positions.TaxLotMethod;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.TradeType;
import com.globeco.trading.testkit.trades.TradeGenerator;
import com.globeco.trading.testkit.trades.TradePublisher;
import org.apache.flink.util.ParameterTool;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The backdated coldpath's figures, warm (after a warm-up):
 * <ul>
 *   <li>{@code --mode replay} (default): one position with {@code --events} events (10,000) and {@code --open-lots}
 *       (1,000) open lots in the event store; the replay alone, and loading the stream from Postgres plus the
 *       replay, each {@code --repeats} times; {@code ./platform coldpath-benchmark}</li>
 *   <li>{@code --mode reconcile}: the hotpath and the coldpath at a steady {@code --rate} of trades, about 1% backdated;
 *       the time from each backdated trade's provisional event to the correction that settles it (both as the event
 *       store recorded them), p50 and p99; {@code ./platform coldpath-benchmark --mode reconcile --rate 500}</li>
 * </ul>
 */
public final class ColdpathBenchmark {
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final String KEY = "ACC-BENCH:REPLAY:USD";

    private ColdpathBenchmark() {}

    public static void main(String[] args) throws Exception {
        ParameterTool arguments = ParameterTool.fromArgs(args);
        PlatformOptions options = PlatformOptions.from(args);
        PrintStream console = ConsoleAndLogFile.redirectStdoutTo(options.dataDirectory().resolve("coldpath-benchmark.log"));
        try (PlatformStack stack = new PlatformStack(options)) {
            if (arguments.get("mode", "replay").equals("reconcile")) {
                reconcile(console, stack, options, arguments);
            } else {
                replay(console, stack.postgres(), arguments);
            }
            console.printf("Postgres durability                   %s%n", options.durablePostgres() ? "fsync on, synchronous_commit on" : "fsync off");
        }
        System.exit(0);
    }

    private static void replay(PrintStream console, PostgresSettings postgres, ParameterTool arguments) throws Exception {
        int events = arguments.getInt("events", 10_000);
        int openLots = arguments.getInt("open-lots", 1_000);
        int repeats = arguments.getInt("repeats", 30);
        long written = writeHistory(postgres, events, openLots);
        try (EventStreamLoader loader = new EventStreamLoader(ColdpathSettings.defaults(postgres))) {
            List<HistoryStep> history = loader.load(KEY, written, TaxLotMethod.FIFO);
            int lots = Replay.of(history).lots().count();
            List<Double> replayMillis = new ArrayList<>();
            List<Double> loadAndReplayMillis = new ArrayList<>();
            for (int round = 0; round < repeats * 2; round++) {
                long start = System.nanoTime();
                Replay.of(history);
                long replayed = System.nanoTime();
                Replay.of(loader.load(KEY, written, TaxLotMethod.FIFO));
                long loadedAndReplayed = System.nanoTime();
                if (round >= repeats) {
                    replayMillis.add((replayed - start) / 1e6);
                    loadAndReplayMillis.add((loadedAndReplayed - replayed) / 1e6);
                }
            }
            console.printf("%n== coldpath replay of one position (warm: after %d rounds) ==%n", repeats);
            console.printf("events, open lots after the replay     %,d, %,d%n", written, lots);
            console.printf("replay alone          p50 / max        %.1f / %.1f ms%n", Percentiles.of(replayMillis, 50), Percentiles.of(replayMillis, 100));
            console.printf("load (JDBC) + replay  p50 / max        %.1f / %.1f ms%n", Percentiles.of(loadAndReplayMillis, 50),
                    Percentiles.of(loadAndReplayMillis, 100));
        }
    }

    /** Opens first, then a buy and a decrease of one whole lot by turns (one buy in a hundred backdated), leaving {@code openLots} lots. */
    private static long writeHistory(PostgresSettings postgres, int events, int openLots) throws SQLException {
        LocalDate day = LocalDate.now(ZONE).minusYears(5);
        Position position = Position.empty();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
             PreparedStatement insert = connection.prepareStatement("INSERT INTO event_store (position_key, event_ver, event_type,"
                     + " effective_date, payload, trade_id) VALUES (?, ?, ?, ?, ?::jsonb, ?)")) {
            connection.setAutoCommit(false);
            for (int event = 0; event < events; event++) {
                boolean decrease = event >= openLots && (event - openLots) % 2 == 1;
                boolean backdated = !decrease && event > openLots && event % 100 == 0;
                LocalDate effective = backdated ? day.minusDays(30) : day;
                Trade trade = new Trade("R-" + event, KEY, decrease ? TradeType.DECREASE : TradeType.NEW_TRADE, BigDecimal.TEN,
                        BigDecimal.valueOf(1_000 + event % 500, 2), effective, null, null, "bench", null, null);
                Hotpath.Applied applied = Hotpath.apply(position, KEY, trade, day.plusYears(10));
                position = applied.state();
                insert.setString(1, KEY);
                insert.setLong(2, applied.event().eventVersion());
                insert.setString(3, applied.event().eventType().name());
                insert.setDate(4, Date.valueOf(effective));
                insert.setString(5, EventJson.payload(applied.event()));
                insert.setString(6, trade.tradeId());
                insert.addBatch();
                if (event % 7 == 0) {
                    day = day.plusDays(1);
                }
            }
            insert.executeBatch();
            connection.commit();
        }
        return position.version();
    }

    private static void reconcile(PrintStream console, PlatformStack stack, PlatformOptions options, ParameterTool arguments) throws Exception {
        double rate = arguments.getDouble("rate", 500);
        int warmup = arguments.getInt("warmup-seconds", 60);
        int seconds = arguments.getInt("seconds", 60);
        String prefix = "cbench" + System.currentTimeMillis() + ".";
        TradeHotpathOptions hotpath = TradeHotpathOptions.from(stack.jobArguments("--hotpath.topic-prefix", prefix,
                "--contract-service.url", stack.contractService().toString()));
        BackdatedColdpathOptions coldpath = BackdatedColdpathOptions.from(stack.jobArguments("--coldpath.topic-prefix", prefix));
        stack.ensureTopics(hotpath.topics());
        stack.ensureTopics(coldpath.topics());
        try (LocalCluster flink = new LocalCluster(LocalFlink.configuration(options, "1 s"), 8);
             TradePublisher publisher = new TradePublisher(stack.kafkaBootstrapServers(), hotpath.topic("trade-events"))) {
            flink.submit(TradeHotpathJob.NAME, env -> TradeHotpathJob.define(env, hotpath.wiring()));
            flink.submit(BackdatedColdpathJob.NAME, env -> BackdatedColdpathJob.define(env, coldpath.wiring()));
            publisher.publishContinuously(new TradeGenerator(17, "C", arguments.getInt("positions", 2_000)), rate, ZONE);
            Thread.sleep(warmup * 1000L);
            long from = System.currentTimeMillis();
            Thread.sleep(seconds * 1000L);
            long to = System.currentTimeMillis();
            Thread.sleep(10_000);
            List<Double> latencies = settleLatencies(stack.postgres(), from, to);
            long provisional = count(stack.postgres(), "event_store WHERE event_type = 'PROVISIONAL_TRADE_APPLIED' AND recorded_at", from, to);
            long refused = count(stack.postgres(), "reconciliation_break WHERE run_id = 'coldpath' AND detected_at", from, to + 10_000);
            console.printf("%n== provisional to reconciled at a steady %,.0f trades/s, about 1%% backdated (warm: after %d s) ==%n", rate, warmup);
            console.printf("checkpoint interval (both jobs)       1 s%n");
            console.printf("backdated trades applied in %d s, corrected within 10 s after, replays refused  %,d, %,d, %,d%n", seconds, provisional,
                    latencies.size(), refused);
            console.printf("provisional -> corrected   p50 / p99 / max  %.0f / %.0f / %.0f ms%n", Percentiles.of(latencies, 50),
                    Percentiles.of(latencies, 99), Percentiles.of(latencies, 100));
        }
    }

    /** For each backdated trade applied in the window: its correction's recorded_at minus its provisional event's. */
    private static List<Double> settleLatencies(PostgresSettings postgres, long from, long to) throws SQLException {
        String sql = """
                SELECT extract(epoch FROM (c.recorded_at - p.recorded_at)) * 1000
                FROM event_store p
                JOIN event_store c ON c.position_key = p.position_key AND c.event_type = 'HISTORICAL_POSITION_CORRECTED'
                    AND jsonb_exists(c.payload -> 'backdatedTradeIds', p.trade_id)
                WHERE p.event_type = 'PROVISIONAL_TRADE_APPLIED' AND p.recorded_at BETWEEN to_timestamp(? / 1000.0) AND to_timestamp(? / 1000.0)""";
        List<Double> latencies = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, from);
            query.setLong(2, to);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    latencies.add(rows.getDouble(1));
                }
            }
        }
        return latencies;
    }

    /** Rows of {@code tableAndTime} (a table, a condition and the time column it ends with) between two instants. */
    private static long count(PostgresSettings postgres, String tableAndTime, long from, long to) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM " + tableAndTime
                     + " BETWEEN to_timestamp(? / 1000.0) AND to_timestamp(? / 1000.0)")) {
            query.setLong(1, from);
            query.setLong(2, to);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
