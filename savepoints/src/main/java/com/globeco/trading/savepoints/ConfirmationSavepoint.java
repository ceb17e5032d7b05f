package com.globeco.trading.savepoints;

import com.globeco.trading.jobs.FillConfirmationJob;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.SavepointReader;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.IOException;
import java.time.Duration;

/** The fill-confirmation job's state in a savepoint or retained checkpoint. */
public final class ConfirmationSavepoint {
    private ConfirmationSavepoint() {}

    /**
     * A batch environment for reading state. The reading job is never restored, so it may let Flink
     * name its operators, which the deployed configuration forbids for the jobs themselves.
     */
    public static StreamExecutionEnvironment readerEnvironment(Configuration base) {
        Configuration configuration = new Configuration(base);
        configuration.set(PipelineOptions.AUTO_GENERATE_UIDS, true);
        configuration.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        return StreamExecutionEnvironment.getExecutionEnvironment(configuration);
    }

    /**
     * A batch environment for writing a savepoint: as for reading, and with generic types allowed, which the
     * State Processor API's own records need. The state it writes goes through the jobs' descriptors.
     */
    public static StreamExecutionEnvironment writerEnvironment(Configuration base) {
        Configuration configuration = new Configuration(base);
        configuration.set(PipelineOptions.GENERIC_TYPES, true);
        return readerEnvironment(configuration);
    }

    public static DataStream<ExecutionStateView> executions(StreamExecutionEnvironment env, String path, Duration ledgerTtl)
            throws IOException {
        return SavepointReader.read(env, path, new EmbeddedRocksDBStateBackend())
                .readKeyedState(OperatorIdentifier.forUid(FillConfirmationJob.CONFIRM_UID),
                        new ExecutionStateReader(ledgerTtl), Types.LONG, TypeInformation.of(ExecutionStateView.class));
    }
}
