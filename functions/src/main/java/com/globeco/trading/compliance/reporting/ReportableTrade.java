package com.globeco.trading.compliance.reporting;

import com.globeco.trading.compliance.Uti;
import com.globeco.trading.positions.TradeType;
import com.globeco.trading.types.LocalDates;
import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A trade the hotpath applied, as its event on {@code trade-applied-events} tells it: what a report says of it. */
public record ReportableTrade(
        String positionKey,
        String tradeId,
        Uti uti,
        TradeType tradeType,
        BigDecimal quantity,
        BigDecimal price,
        @TypeInfo(LocalDates.class) LocalDate effectiveDate,
        Instant executedAt,
        boolean backdated,
        String userId,
        String correlationId) {

    public String instrument() {
        return positionKey.split(":")[1];
    }
}
