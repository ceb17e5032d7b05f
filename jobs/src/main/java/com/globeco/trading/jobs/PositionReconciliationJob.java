package com.globeco.trading.jobs;

import com.globeco.trading.compliance.custodian.CustodianHolding;
import com.globeco.trading.operators.health.ReadinessSettings;
import com.globeco.trading.reconciliation.RepositoryHolding;
import org.apache.flink.api.common.functions.MapFunction;
import com.globeco.trading.jobs.reports.DailyReport;
import com.globeco.trading.jobs.reports.DailyReportFiles;
import com.globeco.trading.jobs.reports.DailyReportQueries;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import com.globeco.trading.operators.reconciliation.CountRunBreaks;
import com.globeco.trading.operators.reconciliation.ReconcilePositions;
import com.globeco.trading.positions.ReconciliationBreak;
import com.globeco.trading.reconciliation.PositionCheck;
import com.globeco.trading.reconciliation.PositionRecord;
import com.globeco.trading.reconciliation.StoredEvent;
import com.globeco.trading.reconciliation.StoredSnapshot;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Position reconciliation (seed 004, 10.3) as a Flink batch job: every position rebuilt from the event
 * store by the engine and compared with its snapshot, with the custodian's statement (daily) and with the Trade
 * Repository's positions; the breaks go to {@code reconciliation_break}.
 *
 * <pre>
 *   event_store ────▶ as records ─┐
 *   snapshot_store ─▶ as records ─┤
 *   custodian statement ─▶ records ┤  (daily)
 *   Trade Repository positions ────┤
 *   reports awaiting an answer ────┴▶ keyBy(positionKey) ─▶ reconcile (replay, compare) ─┬▶ reconciliation_break (Postgres)
 *   the run's own breaks (a statement missing, the repository silent) ───────────────────┘
 * </pre>
 *
 * Both tables are read in slices of positions, so the run scales with the TaskManagers it is given.
 * {@link ReconciliationRun} records the run and its summary around it.
 */
public final class PositionReconciliationJob {
    public static final String NAME = "position-reconciliation";

    private PositionReconciliationJob() {}

    /** Operator UIDs. */
    public static final class Uid {
        public static final String EVENT_STORE_SOURCE = "event-store-source";
        public static final String SNAPSHOT_STORE_SOURCE = "snapshot-store-source";
        public static final String EVENTS_AS_RECORDS = "events-as-records";
        public static final String SNAPSHOTS_AS_RECORDS = "snapshots-as-records";
        public static final String RECONCILE_POSITIONS = "reconcile-positions";
        public static final String RECONCILIATION_BREAKS_SINK = "reconciliation-breaks-sink";
        public static final String CUSTODIAN_STATEMENT = "custodian-statement";
        public static final String REPOSITORY_POSITIONS = "repository-positions";
        public static final String AWAITING_ACKNOWLEDGEMENT = "awaiting-acknowledgement";
        public static final String RUN_BREAKS = "run-breaks";
        public static final String COUNT_RUN_BREAKS = "count-run-breaks";

        private Uid() {}
    }

    /** The run's sources and sink, injected so tests and the local run can choose them. */
    public record Wiring(
            Source<StoredEvent, ?, ?> events,
            Source<StoredSnapshot, ?, ?> snapshots,
            Sink<ReconciliationBreak> breaks,
            PositionCheck check,
            OutsideSources outside,
            long asOfMillis,
            ReadinessSettings readiness) {}

    public static void main(String[] args) throws Exception {
        run(StreamExecutionEnvironment.getExecutionEnvironment(), PositionReconciliationOptions.from(args)).print(System.out);
    }

    /** One run, recorded ({@link ReconciliationRun}), on the given environment; a daily run writes the day's reports. */
    public static ReconciliationRun.Summary run(StreamExecutionEnvironment env, PositionReconciliationOptions given) throws Exception {
        PositionReconciliationOptions options = given.withStatementDate(given.statementDateFor(Instant.now()));
        ReconciliationRun.Summary summary = new ReconciliationRun(options.postgres(), options.runId())
                .execute(asOf -> define(env, options.wiring(asOf)), () -> env.execute(NAME));
        if (options.mode() == PositionReconciliationOptions.Mode.DAILY) {
            try (Connection connection = options.postgres().connect()) {
                DailyReport report = DailyReportQueries.load(connection, summary, options.statementDate(), Instant.now());
                DailyReportFiles.write(report, options.reportDirectory()).forEach(file -> System.out.println("report: " + file));
            }
        }
        return summary;
    }

    public static void define(StreamExecutionEnvironment env, Wiring wiring) {
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        DataStream<PositionRecord> events = ReadinessStage.after(env
                        .fromSource(wiring.events(), WatermarkStrategy.noWatermarks(), "Event store").uid(Uid.EVENT_STORE_SOURCE),
                        wiring.readiness())
                .map(PositionRecord::of).returns(TypeInformation.of(PositionRecord.class)).uid(Uid.EVENTS_AS_RECORDS).name("Events as records");
        DataStream<PositionRecord> snapshots = env
                .fromSource(wiring.snapshots(), WatermarkStrategy.noWatermarks(), "Snapshot store").uid(Uid.SNAPSHOT_STORE_SOURCE)
                .map(PositionRecord::of).returns(TypeInformation.of(PositionRecord.class)).uid(Uid.SNAPSHOTS_AS_RECORDS)
                .name("Snapshots as records");
        OutsideSources outside = wiring.outside();
        DataStream<PositionRecord> records = events.union(snapshots);
        records = withOutside(env, records, outside.custodian(), CustodianHolding.class, PositionRecord::of, Uid.CUSTODIAN_STATEMENT, "Custodian statement");
        records = withOutside(env, records, outside.repository(), RepositoryHolding.class, PositionRecord::of, Uid.REPOSITORY_POSITIONS,
                "Trade Repository positions");
        records = withOutside(env, records, outside.awaitingAcknowledgement(), String.class, PositionRecord.AwaitingAcknowledgement::new,
                Uid.AWAITING_ACKNOWLEDGEMENT, "Reports awaiting acknowledgement");
        DataStream<ReconciliationBreak> breaks = records
                .keyBy(PositionRecord::positionKey)
                .process(new ReconcilePositions(wiring.check(), outside.check(), wiring.asOfMillis())).uid(Uid.RECONCILE_POSITIONS)
                .name("Reconcile positions (replay, compare with the outside)");
        if (!outside.runBreaks().isEmpty()) {
            breaks = breaks.union(env.fromData(outside.runBreaks(), TypeInformation.of(ReconciliationBreak.class)).uid(Uid.RUN_BREAKS)
                    .name("The run's own breaks").map(new CountRunBreaks()).uid(Uid.COUNT_RUN_BREAKS).name("Count the run's own breaks"));
        }
        breaks.sinkTo(wiring.breaks()).uid(Uid.RECONCILIATION_BREAKS_SINK).name("reconciliation_break (Postgres)");
    }

    private static <T> DataStream<PositionRecord> withOutside(StreamExecutionEnvironment env, DataStream<PositionRecord> records, List<T> items,
                                                              Class<T> type, MapFunction<T, PositionRecord> asRecord, String uid, String name) {
        if (items.isEmpty()) {
            return records;
        }
        return records.union(env.fromData(items, TypeInformation.of(type)).uid(uid).name(name)
                .map(asRecord).returns(TypeInformation.of(PositionRecord.class)).uid(uid + "-as-records").name(name + " as records"));
    }
}
