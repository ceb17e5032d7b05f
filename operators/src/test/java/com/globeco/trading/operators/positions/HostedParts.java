package com.globeco.trading.operators.positions;

import com.globeco.trading.operators.logging.CorrelatedLog;
import com.globeco.trading.positions.Hotpath;
import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.PositionChange;
import com.globeco.trading.positions.PositionEvent;
import com.globeco.trading.positions.ReferencePrice;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.TradeType;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.Output;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The keyed state, output and metrics the hotpath's parts work with, hosted as {@link KeepPositions} hosts them: in
 * Flink's keyed harness on RocksDB. Trades are applied as the operator applies them, to give a part positions to work on.
 */
final class HostedParts implements AutoCloseable {
    static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
    static final long NOW = Instant.parse("2025-06-02T15:00:00Z").toEpochMilli();

    final InterceptingOperatorMetricGroup metricGroup = new InterceptingOperatorMetricGroup();
    final PositionMetrics metrics = new PositionMetrics(metricGroup, () -> 0);
    final ChangedPositions changed = new ChangedPositions();
    final CorrelatedLog log = new CorrelatedLog(LoggerFactory.getLogger(HostedParts.class), "test");
    private final Host host = new Host();
    private final KeyedOneInputStreamOperatorTestHarness<String, String, PositionChange> harness;

    HostedParts() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(host, key -> key, Types.STRING);
        harness.setStateBackend(new EmbeddedRocksDBStateBackend());
        harness.open();
    }

    KeyedPositions positions() {
        return host.positions;
    }

    ProvisionalBook book() {
        return host.book;
    }

    Output<StreamRecord<PositionChange>> output() {
        return host.output();
    }

    BroadcastState<String, ReferencePrice> lastPrices() throws Exception {
        return host.getOperatorStateBackend().getBroadcastState(KeepPositions.PRICES);
    }

    Rejections rejections() {
        return new Rejections(output(), metrics, log);
    }

    /** Applies the trade to its position, as of {@link #TODAY}, and keeps the provisional book. */
    Hotpath.Applied apply(Trade trade) throws Exception {
        Position before = positions().of(trade.positionKey());
        Hotpath.Applied applied = Hotpath.apply(before == null ? Position.empty() : before, trade.positionKey(), trade, TODAY);
        positions().update(applied.state());
        book().applied(before == null ? Position.empty() : before, applied, trade, NOW);
        return applied;
    }

    static Trade trade(String id, String positionKey, TradeType type, String quantity, LocalDate day) {
        return new Trade(id, positionKey, type, new BigDecimal(quantity), BigDecimal.TEN, day, Instant.parse("2025-06-02T14:30:00Z"),
                null, "corr-" + id, null, null);
    }

    long count(String counter) {
        return ((Counter) metricGroup.get(counter)).getCount();
    }

    List<PositionEvent> events() {
        return harness.extractOutputValues().stream().filter(PositionChange.Appended.class::isInstance).map(PositionChange.Appended.class::cast)
                .map(PositionChange.Appended::event).toList();
    }

    <T> List<T> side(OutputTag<T> tag) {
        var records = harness.getSideOutput(tag);
        return records == null ? List.of() : records.stream().map(StreamRecord::getValue).toList();
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }

    /** Opens the keyed state and does nothing else. */
    private static final class Host extends AbstractStreamOperator<PositionChange> implements OneInputStreamOperator<String, PositionChange> {
        KeyedPositions positions;
        ProvisionalBook book;

        @Override
        public void open() throws Exception {
            super.open();
            positions = new KeyedPositions(this);
            book = new ProvisionalBook(this);
        }

        Output<StreamRecord<PositionChange>> output() {
            return output;
        }

        @Override
        public void processElement(StreamRecord<String> element) {}
    }
}
