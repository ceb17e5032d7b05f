package com.globeco.trading.jobs;

import com.globeco.trading.fills.DeadLetter;
import com.globeco.trading.fills.SourceMessage;
import com.globeco.trading.operators.positions.ContractServiceSettings;
import com.globeco.trading.operators.positions.GenerateContract;
import com.globeco.trading.operators.positions.KeepPositions;
import com.globeco.trading.operators.positions.ReadContractRetries;
import com.globeco.trading.operators.positions.ReadContractTerms;
import com.globeco.trading.operators.positions.RetryContract;
import com.globeco.trading.operators.positions.UndeliveredContracts;
import com.globeco.trading.operators.positions.ReadMarketPrices;
import com.globeco.trading.operators.positions.ValidateTrades;
import com.globeco.trading.positions.ContractOutcome;
import com.globeco.trading.positions.ContractRetry;
import com.globeco.trading.positions.DedupRule;
import com.globeco.trading.positions.MarketPrice;
import com.globeco.trading.positions.PositionChange;
import com.globeco.trading.positions.PositionCommand;
import com.globeco.trading.positions.PositionEvent;
import com.globeco.trading.positions.TradeEvent;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/**
 * Trade hotpath: Position Management's hotpath as a Flink job.
 *
 * <pre>
 *   trade-events ────▶ validate ─┐
 *   contract-events ─▶ read ─────┴▶ keyBy(positionKey) ─▶ keep positions ─┬▶ event store + snapshots (Postgres, XA)
 *   market-data ─────▶ read ─▶ broadcast ────────────────────┘            ├▶ trade-applied-events (Kafka)
 *                                                                         ├▶ backdated-trades, provisional-trade-events (Kafka)
 *                                                                         ├▶ contract generation (async) ─▶ trade-contracts | contract-generation-retry
 *   contract-generation-retry ─▶ read ─▶ retry (async, backoff) ─▶ trade-contracts | ─┐
 *   rejected, invalid and undelivered ──────────────────────────────────────────────▶ └▶ trade-events-dlq (Kafka)
 * </pre>
 */
public final class TradeHotpathJob {
    public static final String NAME = "trade-hotpath";
    public static final String KEEP_POSITIONS_UID = "keep-positions";

    private TradeHotpathJob() {}

    /** The job's sources and sinks, injected so tests and the local run can choose them. */
    public record Wiring(
            Source<SourceMessage, ?, ?> trades,
            Source<SourceMessage, ?, ?> contracts,
            Source<SourceMessage, ?, ?> marketData,
            Source<SourceMessage, ?, ?> contractRetryRequests,
            Sink<PositionChange> eventAndSnapshotStore,
            Sink<PositionChange> appliedEvents,
            Sink<PositionEvent> provisionalEvents,
            Sink<TradeEvent> backdatedTrades,
            Sink<ContractOutcome> generatedContracts,
            Sink<ContractOutcome> contractRetries,
            Sink<ContractOutcome> lateContracts,
            Sink<DeadLetter> deadLetters,
            ContractServiceSettings contractService,
            DedupRule dedup,
            ZoneId businessZone) {}

    public static void main(String[] args) throws Exception {
        TradeHotpathOptions options = TradeHotpathOptions.from(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        define(env, options.wiring());
        env.execute(NAME);
    }

    public static void define(StreamExecutionEnvironment env, Wiring wiring) {
        ZoneId businessZone = wiring.businessZone();
        SingleOutputStreamOperator<PositionCommand> trades = env
                .fromSource(wiring.trades(), WatermarkStrategy.noWatermarks(), "Trade events").uid("trade-events-source")
                .process(new ValidateTrades(businessZone, wiring.dedup())).uid("validate-trades").name("Validate trades");
        SingleOutputStreamOperator<PositionCommand> contracts = env
                .fromSource(wiring.contracts(), WatermarkStrategy.noWatermarks(), "Contract events").uid("contract-events-source")
                .process(new ReadContractTerms()).uid("read-contract-terms").name("Read contract terms");
        SingleOutputStreamOperator<MarketPrice> prices = env
                .fromSource(wiring.marketData(), WatermarkStrategy.noWatermarks(), "Market data").uid("market-data-source")
                .process(new ReadMarketPrices()).uid("read-market-prices").name("Read market prices");

        SingleOutputStreamOperator<PositionChange> changes = trades.union(contracts)
                .keyBy(new ByPosition())
                .connect(prices.broadcast())
                .transform("Keep positions (tax lots)", TypeInformation.of(PositionChange.class),
                        new KeepPositions(businessZone, wiring.dedup()))
                .uid(KEEP_POSITIONS_UID);

        changes.sinkTo(wiring.eventAndSnapshotStore()).uid("event-and-snapshot-store-sink")
                .name("Event store and snapshots (Postgres, exactly once)");
        changes.sinkTo(wiring.appliedEvents()).uid("trade-applied-events-sink").name("trade-applied-events (Kafka, exactly once)");
        changes.getSideOutput(KeepPositions.PROVISIONAL).sinkTo(wiring.provisionalEvents())
                .uid("provisional-trade-events-sink").name("provisional-trade-events (Kafka, exactly once)");
        changes.getSideOutput(KeepPositions.BACKDATED).sinkTo(wiring.backdatedTrades())
                .uid("backdated-trades-sink").name("backdated-trades (Kafka, exactly once)");
        DataStream<ContractOutcome> contractOutcomes = AsyncDataStream.unorderedWait(
                        changes.getSideOutput(KeepPositions.CONTRACT_REQUESTS), new GenerateContract(wiring.contractService()),
                        1, TimeUnit.SECONDS, wiring.contractService().maxCallsInFlight())
                .uid("generate-contracts").name("Contract generation (Contract Service, async)");
        contractOutcomes.filter(ContractOutcome::generated).uid("contracts-generated").name("Generated contracts")
                .sinkTo(wiring.generatedContracts()).uid("trade-contracts-sink").name("trade-contracts (Kafka, exactly once)");
        contractOutcomes.filter(outcome -> !outcome.generated()).uid("contracts-deferred").name("Deferred contracts")
                .sinkTo(wiring.contractRetries()).uid("contract-retry-sink").name("contract-generation-retry (Kafka, exactly once)");

        SingleOutputStreamOperator<ContractRetry> retryRequests = env
                .fromSource(wiring.contractRetryRequests(), WatermarkStrategy.noWatermarks(), "Contract retries")
                .uid("contract-retry-source")
                .process(new ReadContractRetries(businessZone)).uid("read-contract-retries").name("Read deferred contract requests");
        ContractServiceSettings retries = wiring.contractService().forRetries();
        DataStream<ContractRetry> retried = AsyncDataStream.unorderedWaitWithRetry(retryRequests, new RetryContract(retries),
                        retries.retryBudget().toMillis(), TimeUnit.MILLISECONDS, retries.maxCallsInFlight(), RetryContract.strategy(retries))
                .uid("retry-contracts").name("Contract generation retries (Contract Service, async, backoff)");
        retried.filter(ContractRetry::generated).uid("contracts-generated-late").name("Contracts generated late")
                .map(ContractRetry::outcome).uid("late-contract-outcomes").name("Late contract outcomes")
                .sinkTo(wiring.lateContracts()).uid("late-contracts-sink").name("trade-contracts, late (Kafka, exactly once)");
        SingleOutputStreamOperator<DeadLetter> undelivered = retried.process(new UndeliveredContracts())
                .uid("undelivered-contracts").name("Contracts failed after every retry");

        DataStream<DeadLetter> rejected = trades.getSideOutput(ValidateTrades.REJECTED)
                .union(contracts.getSideOutput(ReadContractTerms.REJECTED), prices.getSideOutput(ReadMarketPrices.REJECTED),
                        changes.getSideOutput(KeepPositions.REJECTED), retryRequests.getSideOutput(ReadContractRetries.REJECTED),
                        undelivered);
        rejected.sinkTo(wiring.deadLetters()).uid("trade-events-dlq-sink").name("trade-events-dlq (Kafka, exactly once)");
    }

    private static final class ByPosition implements KeySelector<PositionCommand, String> {
        @Override
        public String getKey(PositionCommand command) {
            return command.positionKey();
        }
    }
}
