package com.globeco.trading.jobs;

import com.globeco.trading.jobs.pipeline.BoundedSources;
import com.globeco.trading.jobs.pipeline.CollectingSink;
import com.globeco.trading.jobs.pipeline.Pipeline;
import com.globeco.trading.jobs.pipeline.TextSink;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.operators.coldpath.ColdpathSettings;
import com.globeco.trading.operators.sinks.PostgresSettings;
import com.globeco.trading.positions.CorrectionJson;
import com.globeco.trading.positions.ReconciliationBreak;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The backdated coldpath through its seam, on what it can be given without a database: its replays load the event
 * store through {@code ReplayPositions}, which opens its own JDBC connection (a seam for an in-memory event store would
 * be in operators/). So here the event store is unreachable, and the test covers the gate and the refusal branch:
 * an unreadable message is dead-lettered, a readable one ends as a refused replay: a break, a dead letter and a REFUSED
 * outcome on {@code position-corrections}. The correction path stays with {@link BackdatedColdpathJobTest} and its embedded Postgres.
 */
class BackdatedColdpathPipelineTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(1, 2);

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final String KEY = "ACC-COLD-1:INSTR1:USD";

    @Test
    void unreadableTradesAreDeadLetteredAndAReplayTheEventStoreCannotLoadIsRefusedWithABreak() throws Exception {
        String backdated = TradeHotpathPipelineTest.backdatedTradeMessage(KEY, "t-cold");
        List<String> messages = List.of(backdated, "not a backdated trade");
        TextSink<com.globeco.trading.positions.Correction> corrections = new TextSink<>(CorrectionJson::write);
        CollectingSink<ReconciliationBreak> breaks = new CollectingSink<>();
        CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();
        ColdpathSettings settings = new ColdpathSettings(new PostgresSettings("jdbc:postgresql://127.0.0.1:1/none", "none", "none"),
                Duration.ofSeconds(1), 1, Duration.ofMillis(10), Duration.ofMillis(20), 4, 5, Duration.ofSeconds(10), Duration.ofMillis(50));
        // the input ends before the coalescing timer fires: the replay is sent then (CoalesceReplaysOperator#endInput)
        BackdatedColdpathJob.Wiring wiring = new BackdatedColdpathJob.Wiring(
                BoundedSources.messages("backdated-trades", messages),
                corrections, breaks, deadLetters, settings, ZONE, Pipeline.readiness());

        Pipeline.run(BackdatedColdpathJob.NAME, 2, env -> BackdatedColdpathJob.define(env, wiring));

        assertThat(corrections.received()).as("the hotpath is told the replay was refused, and corrects nothing").singleElement()
                .satisfies(message -> assertThat(message).contains("\"positionKey\":\"" + KEY + "\"")
                        .contains("\"outcome\":\"REFUSED\"").contains("\"backdatedTradeIds\":[\"t-cold\"]"));
        assertThat(breaks.received()).singleElement().satisfies(found -> {
            assertThat(found.positionKey()).isEqualTo(KEY);
            assertThat(found.kind()).isEqualTo("EVENT_STORE_UNAVAILABLE");
            assertThat(found.runId()).isEqualTo(ReconciliationBreak.COLDPATH_RUN);
        });
        Map<String, String> reasons = deadLetters.received().stream().collect(Collectors.toMap(DeadLetter::payload, DeadLetter::reason));
        assertThat(reasons).containsOnly(entry("not a backdated trade", "INVALID_BACKDATED_TRADE"), entry(backdated, "EVENT_STORE_UNAVAILABLE"));
    }
}
