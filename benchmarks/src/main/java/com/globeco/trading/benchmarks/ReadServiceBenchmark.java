package com.globeco.trading.benchmarks;

import com.globeco.trading.compliance.TradeIdentifiers;
import com.globeco.trading.local.ConsoleAndLogFile;
import com.globeco.trading.local.PlatformOptions;
import com.globeco.trading.local.PlatformStack;
import com.globeco.trading.operators.sinks.PositionChangeStatement;
import com.globeco.trading.operators.sinks.PostgresSettings;
import com.globeco.trading.positions.Hotpath;
import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.PositionChange;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.TradeType;
import com.globeco.trading.read.ReadService;
import com.globeco.trading.read.ReadSettings;
import com.globeco.trading.read.Running;
import org.apache.flink.util.ParameterTool;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The read service's figures, warm, on the embedded stack ({@code ./platform read-benchmark}):
 * <ul>
 *   <li>{@code GET /api/v1/positions/{key}} of {@code --positions} (500) positions of {@code --events-per-position} (20)
 *       trades each, open loop at {@code --rate} (1,000) requests a second for {@code --seconds} (60) after
 *       {@code --warmup-seconds} (30): latency from each request's intended start (no coordinated omission);</li>
 *   <li>the same position as of a random date as known at a random instant, one position of {@code --events} (1,000)
 *       events, {@code --as-of-requests} (200) one after another after as many to warm up;</li>
 *   <li>{@code GET /api/v1/executions} over {@code --executions} (1,000,000) rows: the first and the last page by keyset
 *       ({@code beforeId}) and by offset, {@code --page-requests} (200) each.</li>
 * </ul>
 * The positions' events and snapshots are what the hotpath's engine ({@link Hotpath}) makes of the trades, written by the
 * hotpath sink's own statements; the executions are inserted by SQL (generate_series) as the database's owner.
 */
public final class ReadServiceBenchmark {
    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final TradeIdentifiers IDENTIFIERS = TradeIdentifiers.example();

    private ReadServiceBenchmark() {}

    public static void main(String[] args) throws Exception {
        ParameterTool arguments = ParameterTool.fromArgs(args);
        PlatformOptions options = PlatformOptions.from(args);
        PrintStream console = ConsoleAndLogFile.redirectStdoutTo(options.dataDirectory().resolve("read-benchmark.log"));
        try (PlatformStack stack = new PlatformStack(options)) {
            PostgresSettings postgres = stack.postgres();
            List<String> keys = writePositions(postgres, "RB", arguments.getInt("positions", 500), arguments.getInt("events-per-position", 20));
            String deep = writePositions(postgres, "DEEP", 1, arguments.getInt("events", 1_000)).get(0);
            int executions = arguments.getInt("executions", 1_000_000);
            writeExecutions(postgres, executions);
            try (Running service = ReadService.start(ReadSettings.from(Map.of(), "--read-service.port", "0", "--postgres.url", postgres.jdbcUrl(),
                    "--allocation-postgres.url", postgres.jdbcUrl()), Clock.systemUTC())) {
                HttpLoad load = new HttpLoad("http://localhost:" + service.port());
                console.printf("%n== read service, warm, on the embedded stack (Postgres %s) ==%n",
                        options.durablePostgres() ? "fsync on, synchronous_commit on" : "fsync off");
                console.printf("pools                                  2 x 8 connections (one pool here: both settings name one database), "
                        + "statement_timeout 5 s%n");
                positionsNow(console, load, keys, arguments);
                asOf(console, load, deep, postgres, arguments);
                paging(console, load, executions, arguments);
            }
        }
        System.exit(0);
    }

    private static void positionsNow(PrintStream console, HttpLoad load, List<String> keys, ParameterTool arguments) throws Exception {
        double rate = arguments.getDouble("rate", 1_000);
        int warmup = arguments.getInt("warmup-seconds", 30);
        int seconds = arguments.getInt("seconds", 60);
        Random random = new Random(7);
        load.openLoop(() -> "/api/v1/positions/" + keys.get(random.nextInt(keys.size())), rate, warmup);
        CpuTime before = CpuTime.now();
        HttpLoad.Result result = load.openLoop(() -> "/api/v1/positions/" + keys.get(random.nextInt(keys.size())), rate, seconds);
        CpuTime after = CpuTime.now();
        console.printf("GET position now: %,d positions, %,.0f req/s open loop for %d s after %d s%n", keys.size(), rate, seconds, warmup);
        console.printf("  requests, errors, late starts        %,d, %,d, %,d%n", result.latencies().size(), result.errors(), result.lateStarts());
        console.printf("  p50 / p99 / p99.9 / max              %.2f / %.2f / %.2f / %.1f ms%n", Percentiles.of(result.latencies(), 50),
                Percentiles.of(result.latencies(), 99), Percentiles.of(result.latencies(), 99.9), Percentiles.of(result.latencies(), 100));
        console.printf("  CPU                                  %s%n", after.perUnit(before, result.latencies().size(), "request"));
        console.printf("  garbage collection                   %s%n", after.collections(before, seconds));
        console.printf("  busiest threads of this JVM (the load generator's included)%n%s%n",
                after.busiestThreads(before, result.latencies().size(), "request", 8));
    }

    private static void asOf(PrintStream console, HttpLoad load, String key, PostgresSettings postgres, ParameterTool arguments) throws Exception {
        int requests = arguments.getInt("as-of-requests", 200);
        LocalDate first = LocalDate.now(ZONE).minusYears(3);
        Instant recorded = firstRecording(postgres, key);
        Random random = new Random(11);
        List<Double> latencies = new ArrayList<>();
        for (int request = 0; request < requests * 2; request++) {
            LocalDate day = first.plusDays(random.nextInt(400));
            Instant knownAt = recorded.plusMillis(random.nextInt(60_000));
            double millis = load.timed("/api/v1/positions/" + key + "?asOf=" + day + "&knownAt=" + knownAt);
            if (request >= requests) {
                latencies.add(millis);
            }
        }
        console.printf("GET position as of a date as known at an instant: 1 position of %,d events, %,d requests after %,d%n",
                arguments.getInt("events", 1_000), requests, requests);
        console.printf("  p50 / p99 / max                      %.2f / %.2f / %.1f ms%n", Percentiles.of(latencies, 50), Percentiles.of(latencies, 99),
                Percentiles.of(latencies, 100));
    }

    private static void paging(PrintStream console, HttpLoad load, int executions, ParameterTool arguments) throws Exception {
        int requests = arguments.getInt("page-requests", 200);
        int lastPage = executions - 50;
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("keyset, first page", "/api/v1/executions?limit=50");
        pages.put("keyset, last page", "/api/v1/executions?limit=50&beforeId=51");
        pages.put("offset, first page", "/api/v1/executions?limit=50&offset=0");
        pages.put("offset, last page", "/api/v1/executions?limit=50&offset=" + lastPage);
        console.printf("GET /api/v1/executions over %,d rows, 50 a page, %,d requests each after as many%n", executions, requests);
        for (Map.Entry<String, String> page : pages.entrySet()) {
            List<Double> latencies = new ArrayList<>();
            for (int request = 0; request < requests * 2; request++) {
                double millis = load.timed(page.getValue());
                if (request >= requests) {
                    latencies.add(millis);
                }
            }
            console.printf("  %-20s p50 / p99            %.2f / %.2f ms%n", page.getKey(), Percentiles.of(latencies, 50), Percentiles.of(latencies, 99));
        }
    }

    /**
     * Positions of {@code trades} trades each, every sixth a decrease, as the hotpath applies them; one position in ten
     * has a backdated trade no correction has settled (PROVISIONAL), the rest are RECONCILED.
     */
    private static List<String> writePositions(PostgresSettings postgres, String account, int positions, int trades) throws SQLException {
        LocalDate start = LocalDate.now(ZONE).minusYears(3);
        LocalDate today = LocalDate.now(ZONE);
        List<String> keys = new ArrayList<>();
        PositionChangeStatement.AppendEvent events = new PositionChangeStatement.AppendEvent();
        PositionChangeStatement.MoveSnapshot snapshots = new PositionChangeStatement.MoveSnapshot();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
             PreparedStatement appendEvent = connection.prepareStatement(events.query());
             PreparedStatement moveSnapshot = connection.prepareStatement(snapshots.query())) {
            connection.setAutoCommit(false);
            for (int number = 0; number < positions; number++) {
                String key = "ACC-" + account + number + ":INSTR" + (number % 50) + ":USD";
                keys.add(key);
                Position position = Position.empty();
                LocalDate day = start;
                for (int trade = 0; trade < trades; trade++) {
                    boolean decrease = trade % 6 == 5;
                    boolean backdated = !decrease && number % 10 == 0 && trade == trades / 2;
                    String tradeId = key + "-" + trade;
                    Trade applied = new Trade(tradeId, key, trade == 0 ? TradeType.NEW_TRADE : decrease ? TradeType.DECREASE : TradeType.INCREASE,
                            decrease ? BigDecimal.ONE : BigDecimal.TEN, BigDecimal.valueOf(1_000 + trade % 500, 2), backdated ? day.minusDays(9) : day,
                            null, null, "bench-" + tradeId, null, null);
                    Hotpath.Applied result = Hotpath.apply(position, key, applied, today, IDENTIFIERS.uti(key, tradeId));
                    position = result.state();
                    events.statement(appendEvent, PositionChange.ofEvent(result.event()));
                    appendEvent.addBatch();
                    if (trade % 3 == 2) {
                        day = day.plusDays(1);
                    }
                }
                snapshots.statement(moveSnapshot, PositionChange.ofSnapshot(Hotpath.snapshot(key, position, System.currentTimeMillis())));
                moveSnapshot.addBatch();
                if (number % 50 == 49) {
                    appendEvent.executeBatch();
                    moveSnapshot.executeBatch();
                }
            }
            appendEvent.executeBatch();
            moveSnapshot.executeBatch();
            connection.commit();
        }
        return keys;
    }

    private static void writeExecutions(PostgresSettings postgres, int executions) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
             Statement insert = connection.createStatement()) {
            insert.execute("INSERT INTO execution (execution_service_id, is_open, execution_status, trade_type, destination, trade_date,"
                    + " security_id, ticker, portfolio_id, quantity, received_timestamp, sent_timestamp, last_fill_timestamp, quantity_filled,"
                    + " total_amount, average_price, version)"
                    + " SELECT 900000000 + n, false, 'FULL', 'BUY', 'ML', DATE '2025-06-02', '68336002fe95851f0a2aeda9', 'IBM',"
                    + " '684f125ac19ad4fb89bc14ba', 1000, now(), now(), now(), 1000, 190409.6, 190.4096, 1"
                    + " FROM generate_series(1, " + executions + ") AS n");
            insert.execute("ANALYZE execution");
        }
    }

    private static Instant firstRecording(PostgresSettings postgres, String key) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
             PreparedStatement query = connection.prepareStatement("SELECT min(recorded_at) FROM event_store WHERE position_key = ?")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getTimestamp(1).toInstant();
            }
        }
    }
}
