package com.globeco.trading.positions;

import com.globeco.trading.types.SealedKinds;
import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.math.BigDecimal;

/**
 * What the hotpath applied to a position while a backdated trade of it was outstanding, kept so that
 * a correction as of an earlier version can be brought up to date: a trade or a price reset.
 */
@TypeInfo(SealedKinds.class)
public sealed interface Journaled permits Journaled.AppliedTrade, Journaled.Reset {
    long version();

    /** A trade, decreased by {@code method} (the position's then), realizing {@code recordedRealizedPnl} (null for an opening). */
    record AppliedTrade(long version, Trade trade, TaxLotMethod method, BigDecimal recordedRealizedPnl) implements Journaled {}

    /** A market-data reset: every lot open then took {@code price} as its reference price. */
    record Reset(long version, BigDecimal price) implements Journaled {}

    static Journaled trade(long version, Trade trade, TaxLotMethod method, BigDecimal realizedPnl) {
        return new AppliedTrade(version, trade, method, realizedPnl);
    }

    static Journaled reset(long version, BigDecimal price) {
        return new Reset(version, price);
    }
}
