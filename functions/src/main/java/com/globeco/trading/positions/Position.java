package com.globeco.trading.positions;

import com.globeco.trading.types.LocalDates;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import java.time.LocalDate;

/**
 * One position as the hotpath keeps it in keyed state: its open lots, the version of its last
 * event, whether a backdated trade made it provisional, its latest effective date (none before its first trade) and
 * the tax-lot method its contract prescribes.
 */
public record Position(TaxLots lots, long version, PositionStatus status, @TypeInfo(LocalDates.class) LocalDate latestEffectiveDate, TaxLotMethod method) {

    public static Position empty() {
        return new Position(TaxLots.none(), 0, PositionStatus.RECONCILED, null, TaxLotMethod.FIFO);
    }

    public Position withMethod(TaxLotMethod newMethod) {
        return new Position(lots, version, status, latestEffectiveDate, newMethod);
    }

    public boolean isProvisional() {
        return status == PositionStatus.PROVISIONAL;
    }
}
