package com.globeco.trading.jobs;

import com.globeco.trading.operators.health.ReadinessSettings;
import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.operators.coldpath.CoalesceReplays;
import com.globeco.trading.operators.coldpath.CoalesceReplaysOperator;
import com.globeco.trading.operators.coldpath.ColdpathSettings;
import com.globeco.trading.operators.coldpath.ReadBackdatedTrades;
import com.globeco.trading.operators.coldpath.ReplayPositions;
import com.globeco.trading.operators.coldpath.SettleReplays;
import com.globeco.trading.positions.Correction;
import com.globeco.trading.positions.ReconciliationBreak;
import com.globeco.trading.positions.ReplayOutcome;
import com.globeco.trading.positions.PendingReplay;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/**
 * Backdated coldpath: Position Management's coldpath (seed 004, phase 7) as a Flink job of its own.
 *
 * <pre>
 *   backdated-trades ─▶ read ─▶ keyBy(positionKey) ─▶ coalesce ─▶ load event stream + replay (async, retries, breaker)
 *                                                                   ─▶ settle ─┬▶ position-corrections (Kafka) ─▶ trade hotpath
 *                                                                              ├▶ reconciliation_break (Postgres, 2PC)
 *   unreadable and refused ──────────────────────────────────────────────────▶ └▶ backdated-trades-dlq (Kafka)
 * </pre>
 *
 * The hotpath stays the only writer of a position's events: this job only reads the event store and
 * answers with corrections, which the hotpath adopts.
 */
public final class BackdatedColdpathJob {
    public static final String NAME = "backdated-coldpath";

    private BackdatedColdpathJob() {}

    /** Operator UIDs: savepoints map state by them, so they never change. */
    public static final class Uid {
        public static final String BACKDATED_TRADES_SOURCE = "backdated-trades-source";
        public static final String READ_BACKDATED_TRADES = "read-backdated-trades";
        public static final String COALESCE_REPLAYS = "coalesce-replays";
        public static final String REPLAY_POSITIONS = "replay-positions";
        public static final String SETTLE_REPLAYS = "settle-replays";
        public static final String POSITION_CORRECTIONS_SINK = "position-corrections-sink";
        public static final String RECONCILIATION_BREAKS_SINK = "reconciliation-breaks-sink";
        public static final String BACKDATED_TRADES_DLQ_SINK = "backdated-trades-dlq-sink";

        private Uid() {}
    }

    /** The job's sources and sinks, injected so tests and the local run can choose them. */
    public record Wiring(
            Source<SourceMessage, ?, ?> backdatedTrades,
            Sink<Correction> corrections,
            Sink<ReconciliationBreak> breaks,
            Sink<DeadLetter> deadLetters,
            ColdpathSettings settings,
            ZoneId businessZone,
            ReadinessSettings readiness) {}

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        define(env, BackdatedColdpathOptions.from(args).wiring());
        env.execute(NAME);
    }

    public static void define(StreamExecutionEnvironment env, Wiring wiring) {
        ColdpathSettings settings = wiring.settings();
        SingleOutputStreamOperator<PendingReplay> requests = ReadinessStage.after(env
                        .fromSource(wiring.backdatedTrades(), WatermarkStrategy.noWatermarks(), "Backdated trades")
                        .uid(Uid.BACKDATED_TRADES_SOURCE), wiring.readiness())
                .process(new ReadBackdatedTrades(wiring.businessZone())).uid(Uid.READ_BACKDATED_TRADES).name("Read backdated trades");
        DataStream<PendingReplay> replays = requests
                .keyBy(PendingReplay::positionKey)
                .transform("Coalesce backdated trades per position", TypeInformation.of(PendingReplay.class),
                        new CoalesceReplaysOperator(new CoalesceReplays(settings.coalesceDelay())))
                .uid(Uid.COALESCE_REPLAYS).name("Coalesce backdated trades per position");
        DataStream<ReplayOutcome> outcomes = AsyncDataStream.orderedWaitWithRetry(replays, new ReplayPositions(settings),
                        settings.replayBudget().toMillis(), TimeUnit.MILLISECONDS, settings.loadsInFlight(), ReplayPositions.strategy(settings))
                .uid(Uid.REPLAY_POSITIONS).name("Load event stream and replay (event store, async, retries)");
        SingleOutputStreamOperator<Correction> corrections = outcomes
                .process(new SettleReplays()).uid(Uid.SETTLE_REPLAYS).name("Settle replays");

        corrections.sinkTo(wiring.corrections()).uid(Uid.POSITION_CORRECTIONS_SINK).name("position-corrections (Kafka, exactly once)");
        corrections.getSideOutput(SettleReplays.BREAKS).sinkTo(wiring.breaks())
                .uid(Uid.RECONCILIATION_BREAKS_SINK).name("reconciliation_break (Postgres, exactly once)");
        requests.getSideOutput(ReadBackdatedTrades.REJECTED).union(corrections.getSideOutput(SettleReplays.REFUSED))
                .sinkTo(wiring.deadLetters()).uid(Uid.BACKDATED_TRADES_DLQ_SINK).name("backdated-trades-dlq (Kafka, exactly once)");
    }
}
