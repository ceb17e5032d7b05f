package com.globeco.trading.operators.positions;

import com.globeco.trading.positions.Journaled;
import com.globeco.trading.positions.Trade;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

import java.math.BigDecimal;

/**
 * The keyed state a position keeps between a backdated trade and its correction ({@link ProvisionalBook}):
 * names and descriptors in one place, for the operator and for the State Processor API. Savepoints map
 * state by these names: they never change without a migration.
 */
public final class ProvisionalState {
    public static final String OUTSTANDING = "outstanding-backdated-trades";
    public static final String JOURNAL = "provisional-journal";
    public static final String ADJUSTMENT = "realized-pnl-adjustment";
    public static final String SINCE = "provisional-since";

    private ProvisionalState() {}

    /** Backdated trades awaiting their correction, by the version they were applied at. */
    public static MapStateDescriptor<Long, Trade> outstanding() {
        return new MapStateDescriptor<>(OUTSTANDING, Types.LONG, TypeInformation.of(Trade.class));
    }

    /** What was applied while a backdated trade was outstanding. */
    public static ListStateDescriptor<Journaled> journal() {
        return new ListStateDescriptor<>(JOURNAL, TypeInformation.of(Journaled.class));
    }

    /** The realized P&L adjustment of the position's last correction. */
    public static ValueStateDescriptor<BigDecimal> adjustment() {
        return new ValueStateDescriptor<>(ADJUSTMENT, Types.BIG_DEC);
    }

    /** Since when (epoch millis) the position is provisional. */
    public static ValueStateDescriptor<Long> since() {
        return new ValueStateDescriptor<>(SINCE, Types.LONG);
    }
}
