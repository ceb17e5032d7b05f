package com.globeco.trading.savepoints;

import com.globeco.trading.jobs.TradeHotpathJob;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.SavepointReader;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.IOException;

/** The trade hotpath's state in a savepoint or retained checkpoint. */
public final class HotpathSavepoint {
    private HotpathSavepoint() {}

    public static DataStream<PositionStateView> positions(StreamExecutionEnvironment env, String path) throws IOException {
        return SavepointReader.read(env, path, new EmbeddedRocksDBStateBackend())
                .readKeyedState(OperatorIdentifier.forUid(TradeHotpathJob.Uid.KEEP_POSITIONS), new PositionStateReader(),
                        Types.STRING, TypeInformation.of(PositionStateView.class));
    }
}
