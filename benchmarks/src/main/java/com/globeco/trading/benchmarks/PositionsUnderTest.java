package com.globeco.trading.benchmarks;

import com.globeco.trading.compliance.TradeIdentifiers;
import com.globeco.trading.operators.positions.KeepPositions;
import com.globeco.trading.operators.positions.StoredVersions;
import com.globeco.trading.positions.DedupRule;
import com.globeco.trading.positions.ReferencePrice;
import com.globeco.trading.positions.PositionChange;
import com.globeco.trading.positions.PositionCommand;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;

import java.time.ZoneOffset;

/** The position operator in a one-subtask test harness on RocksDB: what the price benchmark drives. */
final class PositionsUnderTest implements AutoCloseable {
    private static final long NOW = java.time.Instant.parse("2026-11-20T15:00:00Z").toEpochMilli();
    private final KeyedTwoInputStreamOperatorTestHarness<String, PositionCommand, ReferencePrice, PositionChange> harness;
    private long checkpoint;

    private PositionsUnderTest(KeyedTwoInputStreamOperatorTestHarness<String, PositionCommand, ReferencePrice, PositionChange> harness) {
        this.harness = harness;
    }

    static PositionsUnderTest open() throws Exception {
        var harness = new KeyedTwoInputStreamOperatorTestHarness<String, PositionCommand, ReferencePrice, PositionChange>(
                new KeepPositions(ZoneOffset.UTC, DedupRule.defaults(), StoredVersions.none(), TradeIdentifiers.example()),
                (KeySelector<PositionCommand, String>) PositionCommand::positionKey,
                (KeySelector<ReferencePrice, String>) ReferencePrice::instrument, Types.STRING, 1, 1, 0);
        harness.setStateBackend(rocksDb());
        harness.setProcessingTime(NOW);
        harness.open();
        return new PositionsUnderTest(harness);
    }

    /** RocksDB with its own memory: the harness's mock environment has almost no managed memory to give it. */
    private static EmbeddedRocksDBStateBackend rocksDb() {
        EmbeddedRocksDBStateBackend backend = new EmbeddedRocksDBStateBackend();
        backend.getMemoryConfiguration().setUseManagedMemory(false);
        return backend;
    }

    String design() {
        return "broadcast prices, the positions of the price's instrument found through an index";
    }

    void trade(PositionCommand command) throws Exception {
        harness.processElement1(new StreamRecord<>(command, NOW));
    }

    void price(ReferencePrice price) throws Exception {
        harness.processElement2(new StreamRecord<>(price, NOW));
    }

    /** The events emitted since the last call; then a checkpoint barrier, ahead of which the changed positions' snapshots go. */
    int drainOutputs() throws Exception {
        int events = harness.getOutput().size();
        harness.prepareSnapshotPreBarrier(++checkpoint);
        harness.getOutput().clear();
        return events;
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }
}
