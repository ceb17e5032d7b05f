package com.globeco.trading.read.positions;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.globeco.trading.positions.KnownHistory;
import io.javalin.openapi.OpenApiRequired;

import java.time.LocalDate;

/** A backdated trade applied provisionally, at {@code version}, that no correction has settled yet. */
public record OutstandingTradeDto(
        @OpenApiRequired String tradeId,
        @OpenApiRequired @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate effectiveDate,
        long version) {

    static OutstandingTradeDto of(KnownHistory.OutstandingTrade trade) {
        return new OutstandingTradeDto(trade.tradeId(), trade.effectiveDate(), trade.version());
    }
}
