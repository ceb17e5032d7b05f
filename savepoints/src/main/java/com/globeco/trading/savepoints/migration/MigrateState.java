package com.globeco.trading.savepoints.migration;

import com.globeco.trading.fills.InboundFill;
import com.globeco.trading.fills.ValidatedFill;
import com.globeco.trading.jobs.AllocationJob;
import com.globeco.trading.jobs.BackdatedColdpathJob;
import com.globeco.trading.jobs.FillConfirmationJob;
import com.globeco.trading.operators.fills.ConfirmationSettings;
import com.globeco.trading.jobs.TradeHotpathJob;
import com.globeco.trading.operators.positions.KeepPositions;
import com.globeco.trading.positions.ContractRetry;
import com.globeco.trading.positions.DedupRule;
import com.globeco.trading.positions.DeferredContract;
import com.globeco.trading.positions.MarketPrice;
import com.globeco.trading.positions.PendingReplay;
import com.globeco.trading.positions.ReferencePrice;
import com.globeco.trading.positions.ReplayRequest;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.TradeEvent;
import com.globeco.trading.reconciliation.PositionRebuild;
import com.globeco.trading.savepoints.ConfirmationSavepoint;
import com.globeco.trading.savepoints.JobState;
import com.globeco.trading.savepoints.TimeToLiveJudgedAt;
import com.globeco.trading.savepoints.WritePositions;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.OperatorTransformation;
import org.apache.flink.state.api.SavepointReader;
import org.apache.flink.state.api.SavepointWriter;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.SimpleOperatorFactory;
import org.apache.flink.util.CloseableIterator;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./platform state migrate <job> <savepoint of 0.1.0> <new directory> [--as-of <instant>]}: writes a savepoint of
 * the job whose state is in today's types, read from one release 0.1.0 took (State Processor API: read old, write new).
 * Only the operators whose state classes changed are rewritten; the rest (Kafka offsets, sink transactions) is
 * carried over as it is. Time-to-live is judged, and written, as of {@code --as-of} (default: now), so an upgrade keeps
 * what the job would have kept.
 *
 * <p>The trade hotpath: its positions (dates, status and journal typed), the last price of each instrument, and the
 * trades its two contract-generation stages had in flight. The coldpath: the pending replay of each position with its
 * timer, and the replays in flight. Fill confirmation: each execution's ledger, fill in progress and waiting fills
 * (the Kafka message each came in moved to another package). Allocation: the fills its Trade Service lookups had in
 * flight.
 */
public final class MigrateState {
    private static final DedupRule DEDUP = DedupRule.defaults();

    private MigrateState() {}

    public static int run(String[] args, PrintStream out) throws Exception {
        if (args.length < 4) {
            out.println("usage: state migrate <job> <savepoint of 0.1.0> <new directory> [--as-of <instant>]");
            return 2;
        }
        Instant asOf = args.length >= 6 && args[4].equals("--as-of") ? Instant.parse(args[5]) : Instant.now();
        JobState job = JobState.of(args[1]);
        if (!migrate(job, args[2], args[3], asOf, new Configuration())) {
            out.println(job.job() + " holds no state of a changed class: restore it from " + args[2] + " as it is");
            return 0;
        }
        out.println(job.job() + " savepoint in today's types written to " + args[3]
                + "; start the job from it (execution.savepoint.path, or the FlinkDeployment's initialSavepointPath)");
        return 0;
    }

    /**
     * Writes the migrated savepoint; false when the job's state needs none: the regulatory reporting job's, which came after
     * release 0.1.0 (every other job's classes changed).
     */
    public static boolean migrate(JobState job, String from, String to, Instant asOf, Configuration configuration) throws Exception {
        return switch (job) {
            case TRADE_HOTPATH -> {
                hotpath(from, to, asOf, configuration);
                yield true;
            }
            case BACKDATED_COLDPATH -> {
                coldpath(from, to, asOf, configuration);
                yield true;
            }
            case FILL_CONFIRMATION -> {
                confirmation(from, to, asOf, configuration);
                yield true;
            }
            case ALLOCATION -> {
                allocation(from, to, configuration);
                yield true;
            }
            case REGULATORY_REPORTING -> false;
        };
    }

    private static void hotpath(String from, String to, Instant asOf, Configuration configuration) throws Exception {
        List<ReferencePrice> prices = lastPrices(from, asOf, configuration);
        StreamExecutionEnvironment env = ConfirmationSavepoint.writerEnvironment(configuration);
        StateBackend backend = judgedAt(asOf);
        SavepointReader old = SavepointReader.read(env, from, backend);
        OperatorIdentifier keepPositions = OperatorIdentifier.forUid(TradeHotpathJob.Uid.KEEP_POSITIONS);
        var positions = old.readKeyedState(keepPositions, new PositionsOf010(DEDUP), Types.STRING, TypeInformation.of(PositionRebuild.class));
        SavepointWriter writer = SavepointWriter.fromExistingSavepoint(env, from, backend)
                .removeOperator(keepPositions)
                .withOperator(keepPositions, OperatorTransformation.bootstrapWith(positions)
                        .keyBy(PositionRebuild::positionKey, Types.STRING)
                        .transform((timestamp, path) -> SimpleOperatorFactory.of(
                                new PositionsWithPrices(timestamp, path, new WritePositions(DEDUP), prices))));
        Savepoint savepoint = Savepoint.at(from);
        new AsyncBuffer<>(TradeHotpathJob.Uid.GENERATE_CONTRACTS, TradeEvent.class, Trade.class, From010::trade)
                .migrate(old, writer, savepoint);
        new AsyncBuffer<>(TradeHotpathJob.Uid.RETRY_CONTRACTS, ContractRetry.class, DeferredContract.class, From010::deferred)
                .migrate(old, writer, savepoint);
        writer.write(to);
        env.execute("migrate trade-hotpath state of 0.1.0");
    }

    private static void coldpath(String from, String to, Instant asOf, Configuration configuration) throws Exception {
        StreamExecutionEnvironment env = ConfirmationSavepoint.writerEnvironment(configuration);
        StateBackend backend = judgedAt(asOf);
        SavepointReader old = SavepointReader.read(env, from, backend);
        OperatorIdentifier coalesce = OperatorIdentifier.forUid(BackdatedColdpathJob.Uid.COALESCE_REPLAYS);
        var windows = old.readKeyedState(coalesce, new PendingReplays.Of010(), Types.STRING, TypeInformation.of(PendingReplays.class));
        SavepointWriter writer = SavepointWriter.fromExistingSavepoint(env, from, backend)
                .removeOperator(coalesce)
                .withOperator(coalesce, OperatorTransformation.bootstrapWith(windows)
                        .keyBy(PendingReplays::positionKey, Types.STRING)
                        .transform(new PendingReplays.Written()));
        new AsyncBuffer<>(BackdatedColdpathJob.Uid.REPLAY_POSITIONS, ReplayRequest.class, PendingReplay.class, From010::replay)
                .migrate(old, writer, Savepoint.at(from));
        writer.write(to);
        env.execute("migrate backdated-coldpath state of 0.1.0");
    }

    private static void confirmation(String from, String to, Instant asOf, Configuration configuration) throws Exception {
        StreamExecutionEnvironment env = ConfirmationSavepoint.writerEnvironment(configuration);
        StateBackend backend = judgedAt(asOf);
        Duration ledgerTtl = ConfirmationSettings.defaults(null).ledgerTtl();
        OperatorIdentifier confirm = OperatorIdentifier.forUid(FillConfirmationJob.CONFIRM_UID);
        var executions = SavepointReader.read(env, from, backend)
                .readKeyedState(confirm, new ConfirmationsOf010.Read(ledgerTtl), Types.LONG, TypeInformation.of(ConfirmationsOf010.class));
        SavepointWriter.fromExistingSavepoint(env, from, backend)
                .removeOperator(confirm)
                .withOperator(confirm, OperatorTransformation.bootstrapWith(executions)
                        .keyBy(ConfirmationsOf010::executionServiceId, Types.LONG)
                        .transform(new ConfirmationsOf010.Written(ledgerTtl)))
                .write(to);
        env.execute("migrate fill-confirmation state of 0.1.0");
    }

    private static void allocation(String from, String to, Configuration configuration) throws Exception {
        StreamExecutionEnvironment env = ConfirmationSavepoint.writerEnvironment(configuration);
        SavepointReader old = SavepointReader.read(env, from, new EmbeddedRocksDBStateBackend());
        SavepointWriter writer = SavepointWriter.fromExistingSavepoint(env, from, new EmbeddedRocksDBStateBackend());
        new AsyncBuffer<>(AllocationJob.LOOKUP_UID, InboundFill.class, ValidatedFill.class, From010::fill).migrate(old, writer, Savepoint.at(from));
        writer.write(to);
        env.execute("migrate allocation state of 0.1.0");
    }

    /** The last price of each instrument the hotpath kept (every subtask keeps them all; one copy is read). */
    private static List<ReferencePrice> lastPrices(String from, Instant asOf, Configuration configuration) throws Exception {
        StreamExecutionEnvironment env = ConfirmationSavepoint.readerEnvironment(configuration);
        List<ReferencePrice> prices = new ArrayList<>();
        try (CloseableIterator<ReferencePrice> read = SavepointReader.read(env, from, judgedAt(asOf))
                .readBroadcastState(OperatorIdentifier.forUid(TradeHotpathJob.Uid.KEEP_POSITIONS), KeepPositions.PRICES.getName(), Types.STRING,
                        TypeInformation.of(MarketPrice.class))
                .map(entry -> From010.price(entry.f1), TypeInformation.of(ReferencePrice.class))
                .executeAndCollect("read the hotpath's last prices of 0.1.0")) {
            read.forEachRemaining(price -> {
                if (prices.stream().noneMatch(known -> known.instrument().equals(price.instrument()))) {
                    prices.add(price);
                }
            });
        }
        return prices;
    }

    private static StateBackend judgedAt(Instant asOf) {
        return new TimeToLiveJudgedAt(new EmbeddedRocksDBStateBackend(), asOf);
    }
}
