package com.globeco.trading.savepoints;

import com.globeco.trading.jobs.TradeHotpathJob;
import com.globeco.trading.operators.reconciliation.PositionTableSources;
import com.globeco.trading.operators.sinks.PostgresSettings;
import com.globeco.trading.positions.DedupRule;
import com.globeco.trading.reconciliation.PositionRebuild;
import com.globeco.trading.reconciliation.PositionRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.OperatorTransformation;
import org.apache.flink.state.api.SavepointWriter;
import org.apache.flink.state.api.StateBootstrapTransformation;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;

/**
 * {@code ./platform state bootstrap-positions --postgres.url <url> --savepoint <dir>}: writes a trade-hotpath
 * savepoint from the trade-lifecycle database, every position rebuilt from its snapshot and events
 * ({@link com.globeco.trading.reconciliation.PositionRebuild}), so that a hotpath whose state was lost starts
 * from it instead of from nothing. Both tables are read in slices of positions by a batch job. Start the
 * hotpath from the written directory ({@code execution.savepoint.path}); its Kafka sources, which have no state
 * in it, go on from the consumer group's committed offsets, and trades delivered again are known by their ids.
 */
public final class BootstrapPositions {
    /** The hotpath's default maximum parallelism: the key groups of the savepoint must be the job's. */
    public static final int MAX_PARALLELISM = 128;

    private BootstrapPositions() {}

    public static void main(String[] args) throws Exception {
        run(args, System.out);
    }

    public static void run(String[] args, java.io.PrintStream out) throws Exception {
        ParameterTool arguments = ParameterTool.fromArgs(args);
        PostgresSettings postgres = new PostgresSettings(arguments.getRequired("postgres.url"), arguments.get("postgres.user", "postgres"),
                arguments.get("postgres.password", System.getenv().getOrDefault("POSTGRES_PASSWORD", "")));
        write(ConfirmationSavepoint.writerEnvironment(new Configuration()), postgres, arguments.getRequired("savepoint"),
                arguments.getInt("max-parallelism", MAX_PARALLELISM), arguments.getInt("splits", 16));
        out.println("trade-hotpath savepoint written to " + arguments.getRequired("savepoint")
                + "; start the hotpath from it (execution.savepoint.path, or the FlinkDeployment's initialSavepointPath)");
    }

    public static void write(StreamExecutionEnvironment env, PostgresSettings postgres, String savepoint, int maxParallelism, int splits)
            throws Exception {
        org.apache.flink.core.fs.Path metadata = new org.apache.flink.core.fs.Path(savepoint, "_metadata");
        if (metadata.getFileSystem().exists(metadata)) {
            throw new IllegalArgumentException(savepoint + " already holds a savepoint; write the bootstrapped one to a new directory");
        }
        DataStream<PositionRecord> events = env.fromSource(PositionTableSources.events(postgres, splits), WatermarkStrategy.noWatermarks(),
                "Event store").map(PositionRecord::of).returns(TypeInformation.of(PositionRecord.class));
        DataStream<PositionRecord> snapshots = env.fromSource(PositionTableSources.snapshots(postgres, splits),
                WatermarkStrategy.noWatermarks(), "Snapshot store").map(PositionRecord::of).returns(TypeInformation.of(PositionRecord.class));
        DataStream<PositionRebuild> positions = events.union(snapshots)
                .keyBy(PositionRecord::positionKey)
                .process(new RebuildPositions()).returns(TypeInformation.of(PositionRebuild.class));
        StateBootstrapTransformation<PositionRebuild> state = OperatorTransformation.bootstrapWith(positions)
                .keyBy(PositionRebuild::positionKey, Types.STRING)
                .transform(new WritePositions(DedupRule.defaults()));
        SavepointWriter.newSavepoint(env, new EmbeddedRocksDBStateBackend(), maxParallelism)
                .withOperator(OperatorIdentifier.forUid(TradeHotpathJob.Uid.KEEP_POSITIONS), state)
                .write(savepoint);
        env.execute("bootstrap trade-hotpath positions");
    }
}
