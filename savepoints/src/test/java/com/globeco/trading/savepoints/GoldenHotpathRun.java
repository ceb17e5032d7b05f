package com.globeco.trading.savepoints;

import com.globeco.trading.jobs.EmbeddedServices;
import com.globeco.trading.jobs.TradeHotpathOptions;
import org.apache.flink.runtime.testutils.CommonTestUtils;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * The run behind the trade hotpath's golden savepoint: three positions, one on HIFO by contract, with
 * partial decreases, a backdated trade and one market price for AAPL (which, in layout v1,
 * overwrote the lots' price). Topics have one partition, so a restored job's Kafka offsets line up
 * again once the same inputs are published.
 */
record GoldenHotpathRun(LocalDate lastDay) {
    static final Path V1 = Path.of("src/test/resources/golden/trade-hotpath/v1");
    /** The run of release 0.1.0's golden savepoint, and of layout v1's, whose last trading day was 2026-11-18. */
    static final GoldenHotpathRun RELEASE_0_1_0 = new GoldenHotpathRun(LocalDate.parse("2026-11-18"));
    static final List<String> CONTRACTS = List.of(
            "{\"positionKey\":\"ACC-G1:MSFT:USD\",\"contractId\":\"C-G1\",\"taxLotMethod\":\"HIFO\"}");
    /** Open AAPL positions the price resets. */
    static final int RESETS = 2;
    /** The trades and the prices a run published, in order, kept next to its savepoint (from releases after 0.1.0). */
    static final String TRADES_FILE = "trades.jsonl";
    static final String PRICES_FILE = "prices.jsonl";

    /**
     * A run written now, ending yesterday in the business zone: its trades lie within the gates' windows on the clock
     * (the dedup window, the effective-date window, no occurredAt ahead of it) whatever the day.
     */
    static GoldenHotpathRun endingYesterday(ZoneId businessZone) {
        return new GoldenHotpathRun(LocalDate.now(businessZone).minusDays(1));
    }

    List<String> trades() {
        return List.of(
                trade("G-1", "ACC-G1:AAPL:USD", "NEW_TRADE", "100", "10.5", day(-2)),
                trade("G-2", "ACC-G1:AAPL:USD", "INCREASE", "50", "12.25", day(-1)),
                trade("G-3", "ACC-G1:AAPL:USD", "DECREASE", "120", "13", day(0)),
                trade("G-4", "ACC-G1:MSFT:USD", "NEW_TRADE", "10", "300", day(-2)),
                trade("G-5", "ACC-G1:MSFT:USD", "INCREASE", "10", "320.12345678", day(-1)),
                trade("G-6", "ACC-G1:MSFT:USD", "DECREASE", "15", "330", day(0)),
                trade("G-7", "ACC-G2:AAPL:USD", "NEW_TRADE", "7.5", "11", day(0)),
                trade("G-8", "ACC-G2:AAPL:USD", "INCREASE", "2.5", "9", day(-1)));
    }

    List<String> prices() {
        return List.of("{\"instrument\":\"AAPL\",\"price\":14.75,\"asOf\":\"" + day(0) + "T21:00:00Z\"}");
    }

    private String day(int offset) {
        return lastDay.plusDays(offset).toString();
    }

    static TradeHotpathOptions options(EmbeddedServices stack) {
        TradeHotpathOptions options = TradeHotpathOptions.from(
                "--kafka.bootstrap-servers", stack.kafka().bootstrapServers(),
                "--hotpath.topic-prefix", "golden.",
                "--postgres.url", stack.postgres().jdbcUrl(),
                "--postgres.user", stack.postgres().user(),
                "--postgres.password", stack.postgres().password(),
                "--contract-service.url", stack.contractService().baseUri().toString());
        stack.kafka().createTopics(1, options.topics());
        return options;
    }

    /** Waits for {@code expected} committed events in the event store. */
    static void awaitEvents(EmbeddedServices stack, int expected) throws Exception {
        CommonTestUtils.waitUntilCondition(() -> {
            try (Connection connection = stack.postgres().dataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM event_store")) {
                rows.next();
                return rows.getLong(1) >= expected;
            }
        });
    }

    static void send(KafkaProducer<byte[], byte[]> producer, String topic, List<String> payloads) {
        for (String payload : payloads) {
            producer.send(new ProducerRecord<>(topic, payload.getBytes(StandardCharsets.UTF_8)));
        }
        producer.flush();
    }

    static String trade(String id, String key, String type, String quantity, String price, String day) {
        return trade(id, key, type, quantity, price, day, java.time.Instant.parse(day + "T15:00:00Z"));
    }

    static String trade(String id, String key, String type, String quantity, String price, String day, java.time.Instant occurredAt) {
        return "{\"tradeId\":\"" + id + "\",\"positionKey\":\"" + key + "\",\"tradeType\":\"" + type + "\",\"quantity\":" + quantity
                + ",\"price\":" + price + ",\"effectiveDate\":\"" + day + "\",\"occurredAt\":\"" + occurredAt + "\","
                + "\"correlationId\":\"corr-" + id + "\"}";
    }
}
