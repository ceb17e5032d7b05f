package com.globeco.trading.jobs;

import com.globeco.trading.compliance.TradeIdentifiers;
import com.globeco.trading.compliance.reporting.ReportOutcome;
import com.globeco.trading.compliance.reporting.ReportingInput;
import com.globeco.trading.compliance.reporting.ReportingRow;
import com.globeco.trading.compliance.reporting.ReportingRules;
import com.globeco.trading.compliance.reporting.ReportRow;
import com.globeco.trading.compliance.reporting.Submitted;
import com.globeco.trading.compliance.reporting.TradeReport;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.operators.health.ReadinessSettings;
import com.globeco.trading.operators.reporting.PrepareReports;
import com.globeco.trading.operators.reporting.ReadPositionEvents;
import com.globeco.trading.operators.reporting.ReadRefusedCorrections;
import com.globeco.trading.operators.reporting.ReadReportCommands;
import com.globeco.trading.operators.reporting.ReadReportOutcomes;
import com.globeco.trading.operators.reporting.SubmitReports;
import com.globeco.trading.operators.reporting.TradeRepositorySettings;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

import java.util.concurrent.TimeUnit;

/**
 * Regulatory reporting (seed 004, 6.2 and 10.4): every trade the hotpath applies is reported to a Trade Repository,
 * once its position is reconciled or, past the SLA, marked provisional and amended later; a trade whose history the
 * coldpath refused is cancelled. Each report's status and every request and response are recorded exactly once.
 *
 * <pre>
 *   trade-applied-events ─────────────▶ read ───┐
 *   historical-position-corrected-events ▶ read ┤
 *   position-corrections ─▶ refusals ───────────┤
 *   regulatory-report-outcomes ─▶ read (back) ──┤
 *   regulatory-report-commands ─▶ read ─────────┴▶ keyBy(positionKey) ─▶ prepare reports ─▶ submit (async, retry, breaker) ─┬▶ regulatory-report-outcomes (Kafka)
 *                                                                       └─ rows ───────────────────────────────────────┴─┴▶ regulatory_report, regulatory_submission (Postgres, exactly once)
 *   unreadable messages ─▶ regulatory-reports-dlq (Kafka)
 * </pre>
 */
public final class RegulatoryReportingJob {
    public static final String NAME = "regulatory-reporting";

    private RegulatoryReportingJob() {}

    /** Operator UIDs: savepoints map state by them, so they never change. */
    public static final class Uid {
        public static final String POSITION_EVENTS_SOURCE = "position-events-source";
        public static final String READ_POSITION_EVENTS = "read-position-events";
        public static final String CORRECTED_EVENTS_SOURCE = "corrected-events-source";
        public static final String READ_CORRECTED_EVENTS = "read-corrected-events";
        public static final String CORRECTIONS_SOURCE = "position-corrections-source";
        public static final String READ_REFUSALS = "read-refused-corrections";
        public static final String OUTCOMES_SOURCE = "report-outcomes-source";
        public static final String READ_OUTCOMES = "read-report-outcomes";
        public static final String COMMANDS_SOURCE = "report-commands-source";
        public static final String READ_COMMANDS = "read-report-commands";
        public static final String PREPARE_REPORTS = "prepare-reports";
        public static final String SUBMIT_REPORTS = "submit-reports";
        public static final String SUBMISSION_ROWS = "submission-rows";
        public static final String REPORT_ROWS_SINK = "report-rows-sink";
        public static final String OUTCOMES = "report-outcomes";
        public static final String OUTCOMES_SINK = "report-outcomes-sink";
        public static final String DEAD_LETTERS_SINK = "regulatory-reports-dlq-sink";

        private Uid() {}
    }

    /** The job's sources, sinks and rules, injected so tests and the local run can choose them. */
    public record Wiring(
            Source<SourceMessage, ?, ?> appliedEvents,
            Source<SourceMessage, ?, ?> correctedEvents,
            Source<SourceMessage, ?, ?> corrections,
            Source<SourceMessage, ?, ?> outcomesBack,
            Source<SourceMessage, ?, ?> commands,
            Sink<ReportingRow> rows,
            Sink<ReportOutcome> outcomes,
            Sink<DeadLetter> deadLetters,
            ReportingRules rules,
            TradeIdentifiers identifiers,
            TradeRepositorySettings repository,
            ReadinessSettings readiness) {}

    public static void main(String[] args) throws Exception {
        RegulatoryReportingOptions options = RegulatoryReportingOptions.from(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        define(env, options.wiring());
        env.execute(NAME);
    }

    public static void define(StreamExecutionEnvironment env, Wiring wiring) {
        SingleOutputStreamOperator<ReportingInput> applied = ReadinessStage.after(env
                        .fromSource(wiring.appliedEvents(), WatermarkStrategy.noWatermarks(), "Trade applied events")
                        .uid(Uid.POSITION_EVENTS_SOURCE), wiring.readiness())
                .process(new ReadPositionEvents(wiring.identifiers())).uid(Uid.READ_POSITION_EVENTS).name("Read applied trades");
        SingleOutputStreamOperator<ReportingInput> corrected = env
                .fromSource(wiring.correctedEvents(), WatermarkStrategy.noWatermarks(), "Corrected events").uid(Uid.CORRECTED_EVENTS_SOURCE)
                .process(new ReadPositionEvents(wiring.identifiers())).uid(Uid.READ_CORRECTED_EVENTS).name("Read adopted corrections");
        SingleOutputStreamOperator<ReportingInput> refused = env
                .fromSource(wiring.corrections(), WatermarkStrategy.noWatermarks(), "Position corrections").uid(Uid.CORRECTIONS_SOURCE)
                .process(new ReadRefusedCorrections()).uid(Uid.READ_REFUSALS).name("Read refused corrections");
        SingleOutputStreamOperator<ReportingInput> answered = env
                .fromSource(wiring.outcomesBack(), WatermarkStrategy.noWatermarks(), "Report outcomes").uid(Uid.OUTCOMES_SOURCE)
                .process(new ReadReportOutcomes()).uid(Uid.READ_OUTCOMES).name("Read report outcomes");
        SingleOutputStreamOperator<ReportingInput> commands = env
                .fromSource(wiring.commands(), WatermarkStrategy.noWatermarks(), "Report commands").uid(Uid.COMMANDS_SOURCE)
                .process(new ReadReportCommands()).uid(Uid.READ_COMMANDS).name("Read report commands");

        SingleOutputStreamOperator<TradeReport> reports = applied.union(corrected, refused, answered, commands)
                .keyBy(ReportingInput::positionKey)
                .process(new PrepareReports(wiring.rules())).uid(Uid.PREPARE_REPORTS).name("Prepare reports (wait for reconciliation)");
        SingleOutputStreamOperator<Submitted> submitted = AsyncDataStream.unorderedWait(reports, new SubmitReports(wiring.repository()),
                        SubmitReports.asyncTimeout(wiring.repository()).toMillis(), TimeUnit.MILLISECONDS, SubmitReports.REPORTS_HELD)
                .uid(Uid.SUBMIT_REPORTS).name("Submit reports (Trade Repository, async, retry, breaker)");

        submitted.process(new SubmissionRows(), TypeInformation.of(ReportingRow.class)).uid(Uid.SUBMISSION_ROWS).name("Outcome and attempts")
                .union(reports.getSideOutput(PrepareReports.ROWS))
                .sinkTo(wiring.rows()).uid(Uid.REPORT_ROWS_SINK).name("regulatory_report, regulatory_submission (Postgres, exactly once)");
        submitted.map(Submitted::outcome).returns(TypeInformation.of(ReportOutcome.class)).uid(Uid.OUTCOMES).name("Outcomes")
                .sinkTo(wiring.outcomes()).uid(Uid.OUTCOMES_SINK).name("regulatory-report-outcomes (Kafka, exactly once)");
        applied.getSideOutput(ReadPositionEvents.REJECTED)
                .union(corrected.getSideOutput(ReadPositionEvents.REJECTED), refused.getSideOutput(ReadRefusedCorrections.REJECTED),
                        answered.getSideOutput(ReadReportOutcomes.REJECTED), commands.getSideOutput(ReadReportCommands.REJECTED))
                .sinkTo(wiring.deadLetters()).uid(Uid.DEAD_LETTERS_SINK).name("regulatory-reports-dlq (Kafka, exactly once)");
    }

    /** A submission's rows: its report's answered row and each attempt. */
    private static final class SubmissionRows extends ProcessFunction<Submitted, ReportingRow> {
        @Override
        public void processElement(Submitted submitted, Context context, Collector<ReportingRow> out) {
            out.collect(ReportRow.of(submitted.outcome()));
            for (var attempt : submitted.attempts()) {
                out.collect(attempt);
            }
        }
    }
}
