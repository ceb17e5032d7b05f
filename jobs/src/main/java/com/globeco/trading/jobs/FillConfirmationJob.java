package com.globeco.trading.jobs;

import com.globeco.trading.operators.health.ReadinessSettings;
import com.globeco.trading.fills.ConfirmationRecord;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.fills.ValidatedFill;
import com.globeco.trading.operators.fills.ConfirmFillsOperator;
import com.globeco.trading.operators.fills.ConfirmFillsOperatorFactory;
import com.globeco.trading.operators.fills.ConfirmationSettings;
import com.globeco.trading.operators.fills.ExecutionKey;
import com.globeco.trading.operators.fills.ValidateFills;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Fill confirmation: the Confirmation Service as a Flink job.
 *
 * <pre>
 *   fills ──▶ validate ──▶ keyBy(executionServiceId) ──▶ confirm (Execution Service) ──▶ audit rows
 *                │  └─ invalid ─────────────────────────────────────────────────────▶ audit rows
 *                └─ rejected ─────────▶ dead letters ◀─────────── failed ──┘
 * </pre>
 */
public final class FillConfirmationJob {
    public static final String NAME = "fill-confirmation";
    public static final String SOURCE_UID = "fills-source";
    public static final String VALIDATE_UID = "validate-fills";
    public static final String CONFIRM_UID = "confirm-fills";
    public static final String AUDIT_SINK_UID = "fill-confirmation-audit-sink";
    public static final String DEAD_LETTER_SINK_UID = "fills-dead-letter-sink";

    private FillConfirmationJob() {}

    /** The job's sources, sinks and settings, built by {@link FillConfirmationOptions#wiring()} or chosen by a test. */
    public record Wiring(
            Source<SourceMessage, ?, ?> fills,
            Sink<ConfirmationRecord> audit,
            Sink<DeadLetter> deadLetters,
            ConfirmationSettings settings,
            ReadinessSettings readiness) {

        public Wiring withSettings(ConfirmationSettings changed) {
            return new Wiring(fills, audit, deadLetters, changed, readiness);
        }
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        define(env, FillConfirmationOptions.from(args).wiring());
        env.execute(NAME);
    }

    public static void define(StreamExecutionEnvironment env, Wiring wiring) {
        ConfirmationSettings settings = wiring.settings();

        SingleOutputStreamOperator<ValidatedFill> validated = ReadinessStage.after(env
                        .fromSource(wiring.fills(), WatermarkStrategy.noWatermarks(), "Fills")
                        .uid(SOURCE_UID), wiring.readiness())
                .process(new ValidateFills(settings.service()))
                .uid(VALIDATE_UID)
                .name("Validate fills");

        SingleOutputStreamOperator<ConfirmationRecord> confirmed = validated
                .keyBy(new ExecutionKey())
                .transform("Confirm with Execution Service", TypeInformation.of(ConfirmationRecord.class),
                        new ConfirmFillsOperatorFactory(settings))
                .uid(CONFIRM_UID);

        DataStream<ConfirmationRecord> auditRows = confirmed.union(validated.getSideOutput(ValidateFills.INVALID));
        auditRows.sinkTo(wiring.audit()).uid(AUDIT_SINK_UID).name("Audit rows (Postgres, exactly once)");

        DataStream<DeadLetter> letters = confirmed.getSideOutput(ConfirmFillsOperator.FAILED)
                .union(validated.getSideOutput(ValidateFills.REJECTED));
        letters.sinkTo(wiring.deadLetters()).uid(DEAD_LETTER_SINK_UID).name("Dead letters (Kafka, exactly once)");
    }
}
