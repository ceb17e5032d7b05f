package com.globeco.trading.positions;

import com.globeco.trading.types.LocalDates;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import com.globeco.trading.compliance.Uti;
import java.time.LocalDate;

/**
 * One position as the hotpath keeps it in keyed state: its open lots, the version of its last
 * event, whether a backdated trade made it provisional, its latest effective date (none before its first trade) and
 * the tax-lot method its contract prescribes, and the UTI of the last trade applied to it (none before its first).
 */
public record Position(TaxLots lots, long version, PositionStatus status, @TypeInfo(LocalDates.class) LocalDate latestEffectiveDate,
                       TaxLotMethod method, Uti lastUti) {

    public static Position empty() {
        return new Position(TaxLots.none(), 0, PositionStatus.RECONCILED, null, TaxLotMethod.FIFO, null);
    }

    public Position withMethod(TaxLotMethod newMethod) {
        return new Position(lots, version, status, latestEffectiveDate, newMethod, lastUti);
    }

    public boolean isProvisional() {
        return status == PositionStatus.PROVISIONAL;
    }
}
