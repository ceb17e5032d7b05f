package com.globeco.trading.jobs;

import com.globeco.trading.compliance.TradeIdentifiers;
import com.globeco.trading.operators.health.ReadinessSettings;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.operators.positions.ContractServiceSettings;
import com.globeco.trading.operators.positions.GenerateContract;
import com.globeco.trading.operators.positions.KeepPositions;
import com.globeco.trading.operators.positions.ReadContractRetries;
import com.globeco.trading.operators.positions.ReadCorrections;
import com.globeco.trading.operators.positions.ReadReportOutcomes;
import com.globeco.trading.operators.positions.ReadContractTerms;
import com.globeco.trading.operators.positions.RetryContract;
import com.globeco.trading.operators.positions.StoredVersions;
import com.globeco.trading.operators.positions.UndeliveredContracts;
import com.globeco.trading.operators.positions.ReadMarketPrices;
import com.globeco.trading.operators.positions.ValidateTrades;
import com.globeco.trading.positions.ProvisionalTrade;
import com.globeco.trading.positions.ContractOutcome;
import com.globeco.trading.positions.DeferredContract;
import com.globeco.trading.positions.DedupRule;
import com.globeco.trading.positions.ReferencePrice;
import com.globeco.trading.positions.PositionChange;
import com.globeco.trading.positions.PositionCommand;
import com.globeco.trading.positions.PositionEvent;
import com.globeco.trading.positions.Trade;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/**
 * Trade hotpath: Position Management's hotpath as a Flink job.
 *
 * <pre>
 *   trade-events ────▶ validate ─┐
 *   contract-events ─▶ read ─────┤
 *   position-corrections ─▶ read ┤
 *   regulatory-report-outcomes ─▶ read ┴▶ keyBy(positionKey) ─▶ keep positions ─┬▶ event store + snapshots (Postgres, 2PC)
 *   market-data ─────▶ read ─▶ broadcast ────────────────────┘            ├▶ trade-applied-events (Kafka)
 *                                                                         ├▶ backdated-trades, provisional-trade-events (Kafka)
 *                                                                         ├▶ historical-position-corrected-events (Kafka)
 *                                                                         ├▶ contract generation (async) ─▶ trade-contracts | contract-generation-retry
 *   contract-generation-retry ─▶ read ─▶ retry (async, backoff) ─▶ trade-contracts | ─┐
 *   rejected, invalid and undelivered ──────────────────────────────────────────────▶ └▶ trade-events-dlq (Kafka)
 * </pre>
 * Contract generation and its retries are left out with {@code --contract-service.enabled false}, for a deployment
 * whose contracts are made elsewhere; a savepoint taken with them then restores only with non-restored state allowed.
 */
public final class TradeHotpathJob {
    public static final String NAME = "trade-hotpath";

    private TradeHotpathJob() {}

    /** Operator UIDs: savepoints map state by them, so they never change; the golden savepoint test restores by them. */
    public static final class Uid {
        public static final String KEEP_POSITIONS = "keep-positions";
        public static final String TRADE_EVENTS_SOURCE = "trade-events-source";
        public static final String VALIDATE_TRADES = "validate-trades";
        public static final String CONTRACT_EVENTS_SOURCE = "contract-events-source";
        public static final String READ_CONTRACT_TERMS = "read-contract-terms";
        public static final String CORRECTIONS_SOURCE = "position-corrections-source";
        public static final String READ_CORRECTIONS = "read-corrections";
        public static final String REPORT_OUTCOMES_SOURCE = "report-outcomes-source";
        public static final String READ_REPORT_OUTCOMES = "read-report-outcomes";
        public static final String TRADE_APPLIED_EVENTS = "trade-applied-events";
        public static final String CORRECTED_EVENTS_SINK = "historical-position-corrected-events-sink";
        public static final String MARKET_DATA_SOURCE = "market-data-source";
        public static final String READ_MARKET_PRICES = "read-market-prices";
        public static final String EVENT_AND_SNAPSHOT_STORE_SINK = "event-and-snapshot-store-sink";
        public static final String TRADE_APPLIED_EVENTS_SINK = "trade-applied-events-sink";
        public static final String PROVISIONAL_TRADE_EVENTS_SINK = "provisional-trade-events-sink";
        public static final String BACKDATED_TRADES_SINK = "backdated-trades-sink";
        public static final String GENERATE_CONTRACTS = "generate-contracts";
        public static final String CONTRACTS_GENERATED = "contracts-generated";
        public static final String TRADE_CONTRACTS_SINK = "trade-contracts-sink";
        public static final String CONTRACTS_DEFERRED = "contracts-deferred";
        public static final String CONTRACT_RETRY_SINK = "contract-retry-sink";
        public static final String CONTRACT_RETRY_SOURCE = "contract-retry-source";
        public static final String READ_CONTRACT_RETRIES = "read-contract-retries";
        public static final String RETRY_CONTRACTS = "retry-contracts";
        public static final String CONTRACTS_GENERATED_LATE = "contracts-generated-late";
        public static final String LATE_CONTRACT_OUTCOMES = "late-contract-outcomes";
        public static final String LATE_CONTRACTS_SINK = "late-contracts-sink";
        public static final String UNDELIVERED_CONTRACTS = "undelivered-contracts";
        public static final String TRADE_EVENTS_DLQ_SINK = "trade-events-dlq-sink";

        private Uid() {}
    }

    /** The job's sources and sinks, injected so tests and the local run can choose them. */
    public record Wiring(
            Source<SourceMessage, ?, ?> trades,
            Source<SourceMessage, ?, ?> contracts,
            Source<SourceMessage, ?, ?> marketData,
            Source<SourceMessage, ?, ?> contractRetryRequests,
            Source<SourceMessage, ?, ?> corrections,
            Source<SourceMessage, ?, ?> reportOutcomes,
            Sink<PositionChange> eventAndSnapshotStore,
            StoredVersions storedVersions,
            Sink<PositionChange.Appended> appliedEvents,
            Sink<PositionEvent> provisionalEvents,
            Sink<ProvisionalTrade> backdatedTrades,
            Sink<PositionEvent> correctedEvents,
            Sink<ContractOutcome> generatedContracts,
            Sink<ContractOutcome> contractRetries,
            Sink<ContractOutcome> lateContracts,
            Sink<DeadLetter> deadLetters,
            boolean generateContracts,
            ContractServiceSettings contractService,
            DedupRule dedup,
            ZoneId businessZone,
            TradeIdentifiers identifiers,
            ReadinessSettings readiness) {}

    public static void main(String[] args) throws Exception {
        TradeHotpathOptions options = TradeHotpathOptions.from(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        define(env, options.wiring());
        env.execute(NAME);
    }

    public static void define(StreamExecutionEnvironment env, Wiring wiring) {
        ZoneId businessZone = wiring.businessZone();
        SingleOutputStreamOperator<PositionCommand> trades = ReadinessStage.after(env
                        .fromSource(wiring.trades(), WatermarkStrategy.noWatermarks(), "Trade events").uid(Uid.TRADE_EVENTS_SOURCE),
                        wiring.readiness())
                .process(new ValidateTrades(businessZone, wiring.dedup())).uid(Uid.VALIDATE_TRADES).name("Validate trades");
        SingleOutputStreamOperator<PositionCommand> contracts = env
                .fromSource(wiring.contracts(), WatermarkStrategy.noWatermarks(), "Contract events").uid(Uid.CONTRACT_EVENTS_SOURCE)
                .process(new ReadContractTerms()).uid(Uid.READ_CONTRACT_TERMS).name("Read contract terms");
        SingleOutputStreamOperator<PositionCommand> corrections = env
                .fromSource(wiring.corrections(), WatermarkStrategy.noWatermarks(), "Position corrections").uid(Uid.CORRECTIONS_SOURCE)
                .process(new ReadCorrections()).uid(Uid.READ_CORRECTIONS).name("Read corrections");
        SingleOutputStreamOperator<PositionCommand> reports = env
                .fromSource(wiring.reportOutcomes(), WatermarkStrategy.noWatermarks(), "Report outcomes").uid(Uid.REPORT_OUTCOMES_SOURCE)
                .process(new ReadReportOutcomes()).uid(Uid.READ_REPORT_OUTCOMES).name("Read report outcomes");
        SingleOutputStreamOperator<ReferencePrice> prices = env
                .fromSource(wiring.marketData(), WatermarkStrategy.noWatermarks(), "Market data").uid(Uid.MARKET_DATA_SOURCE)
                .process(new ReadMarketPrices(wiring.dedup())).uid(Uid.READ_MARKET_PRICES).name("Read market prices");

        SingleOutputStreamOperator<PositionChange> changes = trades.union(contracts, corrections, reports)
                .keyBy(new ByPosition())
                .connect(prices.broadcast())
                .transform("Keep positions (tax lots)", TypeInformation.of(PositionChange.class),
                        new KeepPositions(businessZone, wiring.dedup(), wiring.storedVersions(), wiring.identifiers()))
                .uid(Uid.KEEP_POSITIONS);

        changes.sinkTo(wiring.eventAndSnapshotStore()).uid(Uid.EVENT_AND_SNAPSHOT_STORE_SINK)
                .name("Event store and snapshots (Postgres, exactly once)");
        changes.flatMap(TradeHotpathJob::appliedEvent, TypeInformation.of(PositionChange.Appended.class))
                .uid(Uid.TRADE_APPLIED_EVENTS).name("Trades and resets")
                .sinkTo(wiring.appliedEvents()).uid(Uid.TRADE_APPLIED_EVENTS_SINK).name("trade-applied-events (Kafka, exactly once)");
        changes.getSideOutput(KeepPositions.CORRECTED).sinkTo(wiring.correctedEvents())
                .uid(Uid.CORRECTED_EVENTS_SINK).name("historical-position-corrected-events (Kafka, exactly once)");
        changes.getSideOutput(KeepPositions.PROVISIONAL).sinkTo(wiring.provisionalEvents())
                .uid(Uid.PROVISIONAL_TRADE_EVENTS_SINK).name("provisional-trade-events (Kafka, exactly once)");
        changes.getSideOutput(KeepPositions.BACKDATED).sinkTo(wiring.backdatedTrades())
                .uid(Uid.BACKDATED_TRADES_SINK).name("backdated-trades (Kafka, exactly once)");
        DataStream<DeadLetter> rejected = trades.getSideOutput(ValidateTrades.REJECTED)
                .union(contracts.getSideOutput(ReadContractTerms.REJECTED), corrections.getSideOutput(ReadCorrections.REJECTED),
                        reports.getSideOutput(ReadReportOutcomes.REJECTED),
                        prices.getSideOutput(ReadMarketPrices.REJECTED), changes.getSideOutput(KeepPositions.REJECTED));
        if (wiring.generateContracts()) {
            rejected = rejected.union(generateContracts(env, wiring, changes.getSideOutput(KeepPositions.CONTRACT_REQUESTS)));
        }
        rejected.sinkTo(wiring.deadLetters()).uid(Uid.TRADE_EVENTS_DLQ_SINK).name("trade-events-dlq (Kafka, exactly once)");
    }

    /**
     * A contract per applied trade from the Contract Service, on the hotpath within its budget, else deferred
     * to {@code contract-generation-retry} and retried with backoff; the requests that fail every retry, and
     * unreadable retry requests, are returned as dead letters.
     */
    private static DataStream<DeadLetter> generateContracts(StreamExecutionEnvironment env, Wiring wiring,
                                                            DataStream<Trade> requests) {
        DataStream<ContractOutcome> contractOutcomes = AsyncDataStream.unorderedWait(
                        requests, new GenerateContract(wiring.contractService()),
                        GenerateContract.ASYNC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS, GenerateContract.REQUESTS_HELD)
                .uid(Uid.GENERATE_CONTRACTS).name("Contract generation (Contract Service, async)");
        contractOutcomes.filter(ContractOutcome::generated).uid(Uid.CONTRACTS_GENERATED).name("Generated contracts")
                .sinkTo(wiring.generatedContracts()).uid(Uid.TRADE_CONTRACTS_SINK).name("trade-contracts (Kafka, exactly once)");
        contractOutcomes.filter(outcome -> !outcome.generated()).uid(Uid.CONTRACTS_DEFERRED).name("Deferred contracts")
                .sinkTo(wiring.contractRetries()).uid(Uid.CONTRACT_RETRY_SINK).name("contract-generation-retry (Kafka, exactly once)");

        SingleOutputStreamOperator<DeferredContract> retryRequests = env
                .fromSource(wiring.contractRetryRequests(), WatermarkStrategy.noWatermarks(), "Contract retries")
                .uid(Uid.CONTRACT_RETRY_SOURCE)
                .process(new ReadContractRetries(wiring.businessZone())).uid(Uid.READ_CONTRACT_RETRIES).name("Read deferred contract requests");
        ContractServiceSettings retries = wiring.contractService().forRetries();
        DataStream<DeferredContract> retried = AsyncDataStream.unorderedWaitWithRetry(retryRequests, new RetryContract(retries),
                        retries.retryBudget().toMillis(), TimeUnit.MILLISECONDS, retries.maxCallsInFlight(), RetryContract.strategy(retries))
                .uid(Uid.RETRY_CONTRACTS).name("Contract generation retries (Contract Service, async, backoff)");
        retried.filter(DeferredContract::generated).uid(Uid.CONTRACTS_GENERATED_LATE).name("Contracts generated late")
                .map(DeferredContract::outcome).uid(Uid.LATE_CONTRACT_OUTCOMES).name("Late contract outcomes")
                .sinkTo(wiring.lateContracts()).uid(Uid.LATE_CONTRACTS_SINK).name("trade-contracts, late (Kafka, exactly once)");
        SingleOutputStreamOperator<DeadLetter> undelivered = retried.process(new UndeliveredContracts())
                .uid(Uid.UNDELIVERED_CONTRACTS).name("Contracts failed after every retry");
        return undelivered.union(retryRequests.getSideOutput(ReadContractRetries.REJECTED));
    }

    /** The events for {@code trade-applied-events}: trades and resets, neither snapshots nor the coldpath's corrections. */
    private static void appliedEvent(PositionChange change, Collector<PositionChange.Appended> out) {
        if (change instanceof PositionChange.Appended appended && appended.isAppliedEvent()) {
            out.collect(appended);
        }
    }

    private static final class ByPosition implements KeySelector<PositionCommand, String> {
        @Override
        public String getKey(PositionCommand command) {
            return command.positionKey();
        }
    }
}
