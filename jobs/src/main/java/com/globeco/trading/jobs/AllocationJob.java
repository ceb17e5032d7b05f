package com.globeco.trading.jobs;

import com.globeco.trading.operators.health.ReadinessSettings;
import com.globeco.trading.allocation.Allocation;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.fills.ValidatedFill;
import com.globeco.trading.operators.allocation.AllocateOnce;
import com.globeco.trading.operators.allocation.BookedExecutions;
import com.globeco.trading.operators.allocation.ClosingFills;
import com.globeco.trading.operators.allocation.LookUpPortfolio;
import com.globeco.trading.operators.allocation.LookupExecutionKey;
import com.globeco.trading.operators.allocation.LookupRetries;
import com.globeco.trading.operators.allocation.PortfolioLookup;
import com.globeco.trading.operators.allocation.TradeServiceSettings;
import com.globeco.trading.operators.fills.ValidateFills;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/**
 * Allocation: the Allocation Service as a Flink job.
 *
 * <pre>
 *   fills ─────────────┐
 *   posted executions ─┴▶ validate ──▶ closing fills ──▶ portfolio (Trade Service, async) ──▶ keyBy(execution) ──▶ allocate once
 *                │                                                                   │   ├──▶ execution rows (Postgres, 2PC)
 *                └─ rejected ──▶ dead letters (allocations.dlq) ◀── unallocated ─────┘   └──▶ Portfolio Accounting CSV files
 * </pre>
 */
public final class AllocationJob {
    public static final String NAME = "allocation";
    public static final String SERVICE = "globeco-allocation-service";
    /** How long an allocated execution is remembered (its keyed state's TTL). */
    public static final Duration ALLOCATION_MEMORY = Duration.ofDays(30);
    public static final String SOURCE_UID = "allocation-fills-source";
    public static final String POSTED_SOURCE_UID = "allocation-posted-executions-source";
    public static final String VALIDATE_UID = "allocation-validate-fills";
    public static final String CLOSING_UID = "allocation-closing-fills";
    public static final String LOOKUP_UID = "allocation-portfolio-lookup";
    public static final String ALLOCATE_UID = "allocation-allocate-once";
    public static final String EXECUTION_SINK_UID = "allocation-execution-sink";
    public static final String FILE_SINK_UID = "allocation-accounting-file-sink";
    public static final String DEAD_LETTER_SINK_UID = "allocation-dead-letter-sink";

    private AllocationJob() {}

    /** The job's sources, sinks and settings, built by {@link AllocationOptions#wiring()} or chosen by a test. */
    public record Wiring(
            Source<SourceMessage, ?, ?> fills,
            Source<SourceMessage, ?, ?> postedExecutions,
            Sink<Allocation> executionRows,
            BookedExecutions booked,
            Sink<Allocation> accountingFiles,
            Sink<DeadLetter> deadLetters,
            TradeServiceSettings tradeService,
            ZoneId businessZone,
            ReadinessSettings readiness) {}

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        define(env, AllocationOptions.from(args).wiring());
        env.execute(NAME);
    }

    public static void define(StreamExecutionEnvironment env, Wiring wiring) {
        TradeServiceSettings tradeService = wiring.tradeService();

        DataStream<SourceMessage> fills = env.fromSource(wiring.fills(), WatermarkStrategy.noWatermarks(), "Fills").uid(SOURCE_UID);
        DataStream<SourceMessage> posted = env.fromSource(wiring.postedExecutions(), WatermarkStrategy.noWatermarks(),
                "Executions posted to the API").uid(POSTED_SOURCE_UID);
        SingleOutputStreamOperator<ValidatedFill> validated = ReadinessStage.after(fills.union(posted), wiring.readiness())
                .process(new ValidateFills(SERVICE))
                .uid(VALIDATE_UID)
                .name("Validate fills");

        DataStream<ValidatedFill> closing = validated
                .filter(new ClosingFills())
                .uid(CLOSING_UID)
                .name("Closing fills");

        DataStream<PortfolioLookup> portfolios = AsyncDataStream.unorderedWaitWithRetry(
                        closing, new LookUpPortfolio(tradeService),
                        tradeService.totalTimeout().toMillis(), TimeUnit.MILLISECONDS, tradeService.maxCallsInFlight(),
                        LookupRetries.strategy(tradeService))
                .uid(LOOKUP_UID)
                .name("Portfolio from Trade Service");

        SingleOutputStreamOperator<Allocation> allocations = portfolios
                .keyBy(new LookupExecutionKey())
                .process(new AllocateOnce(ALLOCATION_MEMORY, wiring.businessZone(), SERVICE, wiring.booked()))
                .uid(ALLOCATE_UID)
                .name("Allocate once");

        allocations.sinkTo(wiring.executionRows()).uid(EXECUTION_SINK_UID).name("Execution rows (Postgres, exactly once)");
        allocations.sinkTo(wiring.accountingFiles()).uid(FILE_SINK_UID).name("Portfolio Accounting files (exactly once)");
        allocations.getSideOutput(AllocateOnce.UNALLOCATED)
                .union(validated.getSideOutput(ValidateFills.REJECTED))
                .sinkTo(wiring.deadLetters()).uid(DEAD_LETTER_SINK_UID).name("Dead letters (Kafka, exactly once)");
    }
}
