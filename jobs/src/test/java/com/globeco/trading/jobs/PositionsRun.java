package com.globeco.trading.jobs;

import com.globeco.trading.positions.EventType;
import com.globeco.trading.schema.DatabaseRole;
import com.globeco.trading.positions.LotReplayOracle;
import com.globeco.trading.positions.PositionEvent;
import com.globeco.trading.positions.TaxLots;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.math.BigDecimal;
import org.apache.flink.util.function.SupplierWithException;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One positions test's world: topics of its own for the trade hotpath and the backdated coldpath, both jobs' command
 * lines, and the oracle for backdated trades: every position ends RECONCILED, equal to the replay in effective-date
 * order, each trade applied once, each correction published once.
 */
public final class PositionsRun {
    private final EmbeddedServices stack;
    private final String run;

    public PositionsRun(EmbeddedServices stack) {
        this.stack = stack;
        run = "cp" + TestFlink.nextRun() + "x" + (System.currentTimeMillis() % 100_000);
        stack.kafka().createTopics(8, Stream.concat(Arrays.stream(hotpath().topics()), Arrays.stream(coldpath().topics())).distinct()
                .toArray(String[]::new));
    }

    public String id() {
        return run;
    }

    public List<String> hotpathArguments() {
        return List.of("--kafka.bootstrap-servers", stack.kafka().bootstrapServers(), "--hotpath.topic-prefix", run + ".",
                "--hotpath.consumer-group", "position-hotpath-" + run, "--postgres.url", stack.postgres().jdbcUrl(),
                "--postgres.user", DatabaseRole.TRADE_HOTPATH.roleName(), "--postgres.password", stack.postgres().password(),
                "--contract-service.url", stack.contractService().baseUri().toString());
    }

    public List<String> coldpathArguments() {
        return List.of("--kafka.bootstrap-servers", stack.kafka().bootstrapServers(), "--coldpath.topic-prefix", run + ".",
                "--coldpath.consumer-group", "backdated-coldpath-" + run, "--postgres.url", stack.postgres().jdbcUrl(),
                "--postgres.user", DatabaseRole.BACKDATED_COLDPATH.roleName(), "--postgres.password", stack.postgres().password());
    }

    public TradeHotpathOptions hotpath() {
        return TradeHotpathOptions.from(hotpathArguments().toArray(String[]::new));
    }

    public BackdatedColdpathOptions coldpath() {
        return BackdatedColdpathOptions.from(coldpathArguments().toArray(String[]::new));
    }

    public String tradeTopic() {
        return hotpath().topic("trade-events");
    }

    public void awaitFirstCorrection() throws Exception {
        await("a correction", () -> stack.positionTables().eventCount(keys(), EventType.HISTORICAL_POSITION_CORRECTED) > 0);
    }

    public void awaitReconciled(BackdatedScenario scenario) throws Exception {
        await("every trade applied and no position provisional", () -> tradeEvents() == scenario.trades().size()
                && !stack.positionTables().statuses(keys()).contains("PROVISIONAL"));
    }

    public void awaitTradeEvents(int atLeast) throws Exception {
        await(atLeast + " trades applied", () -> tradeEvents() >= atLeast);
    }

    private static void await(String what, SupplierWithException<Boolean, Exception> condition) throws Exception {
        Poll.until(condition, () -> what);
    }

    /** Every position the oracle's truth: its open lots, their quantities and costs, its versions without gaps. */
    public void assertEveryPositionIsTheTruth(BackdatedScenario scenario) throws SQLException {
        assertThat(scenario.backdated()).as("the scenario has backdated trades").isPositive();
        assertThat(tradeEvents()).as("every trade applied once").isEqualTo(scenario.trades().size());
        assertThat(stack.positionTables().breaks(keys())).isEmpty();
        for (String key : scenario.histories().keySet()) {
            LotReplayOracle.Outcome truth = scenario.truth(key);
            TaxLots lots = stack.positionTables().snapshotLots(key);
            assertThat(lots.ids()).as("open lots of %s", key).containsExactlyElementsOf(truth.openLots().stream().map(lot -> lot.id).toList());
            for (int lot = 0; lot < lots.count(); lot++) {
                assertThat(BigDecimal.valueOf(lots.quantities()[lot], 8)).isEqualByComparingTo(truth.openLots().get(lot).remaining);
                assertThat(BigDecimal.valueOf(lots.costPrices()[lot], 8)).isEqualByComparingTo(truth.openLots().get(lot).price);
            }
            List<Long> versions = stack.positionTables().versions(key);
            assertThat(versions).as("versions of %s without gaps; its events:%n%s", key, String.join("\n", stack.positionTables().history(key)))
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, versions.size()).boxed().toList());
        }
    }

    public void assertCorrectionsPublishedOnce() throws Exception {
        int stored = stack.positionTables().eventCount(keys(), EventType.HISTORICAL_POSITION_CORRECTED);
        List<ConsumerRecord<String, String>> published = stack.kafka()
                .readCommitted(hotpath().topic("historical-position-corrected-events"), stored, TestFlink.PATIENCE);
        assertThat(published).extracting(ConsumerRecord::value).hasSize(stored).doesNotHaveDuplicates()
                .allSatisfy(event -> assertThat(event).contains("\"eventType\":\"HISTORICAL_POSITION_CORRECTED\"").contains("\"deltas\""));
    }

    public List<String> statuses() throws SQLException {
        return stack.positionTables().statuses(keys());
    }

    private int tradeEvents() throws SQLException {
        return stack.positionTables().eventCount(keys(), EventType.TRADE_APPLIED)
                + stack.positionTables().eventCount(keys(), EventType.PROVISIONAL_TRADE_APPLIED);
    }

    private String keys() {
        return "ACC-" + run.toUpperCase() + "%";
    }
}
