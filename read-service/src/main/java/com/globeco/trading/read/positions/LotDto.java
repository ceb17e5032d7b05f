package com.globeco.trading.read.positions;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.globeco.trading.positions.OpenLot;
import io.javalin.openapi.OpenApiRequired;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One open lot: its trade day, its cost price for ever, what remains, what that cost and its reference price now. */
public record LotDto(
        @OpenApiRequired String lotId,
        @OpenApiRequired @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate tradeDate,
        @OpenApiRequired @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal costPrice,
        @OpenApiRequired @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal quantity,
        @OpenApiRequired @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal cost,
        @OpenApiRequired @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal referencePrice) {

    static LotDto of(OpenLot lot) {
        return new LotDto(lot.id(), lot.tradeDate(), lot.costPrice(), lot.quantity(), lot.cost(), lot.referencePrice());
    }
}
