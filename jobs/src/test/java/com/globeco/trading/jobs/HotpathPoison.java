package com.globeco.trading.jobs;

import com.globeco.trading.testkit.fuzz.PoisonMessages;
import com.globeco.trading.testkit.fuzz.PoisonMessages.Field;
import com.globeco.trading.testkit.fuzz.PoisonMessages.Kind;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Poison for the trade hotpath's three input topics, each broken from a valid message of its topic. */
final class HotpathPoison {
    private HotpathPoison() {}

    static List<PoisonMessages.Poison> trades(long seed, int count) {
        String valid = TradeScenario.json("FUZZ-1", "ACC-FUZZ:INSTR0:USD", "NEW_TRADE", java.math.BigDecimal.TEN,
                java.math.BigDecimal.ONE, LocalDate.now(ZoneId.of("America/New_York")));
        return new PoisonMessages(seed, valid, List.of(new Field("tradeId", Kind.ID_TEXT), new Field("positionKey", Kind.PATTERNED_TEXT),
                new Field("tradeType", Kind.ENUM), new Field("quantity", Kind.AMOUNT), new Field("price", Kind.AMOUNT),
                new Field("effectiveDate", Kind.DAY), new Field("occurredAt", Kind.INSTANT))).next(count);
    }

    static List<PoisonMessages.Poison> prices(long seed, int count) {
        String valid = "{\"instrument\":\"INSTR0\",\"price\":12.5,\"asOf\":\"" + Instant.now() + "\"}";
        return new PoisonMessages(seed, valid, List.of(new Field("instrument", Kind.PATTERNED_TEXT), new Field("price", Kind.AMOUNT),
                new Field("asOf", Kind.INSTANT))).next(count);
    }

    static List<PoisonMessages.Poison> contractRetries(long seed, int count) {
        String trade = TradeScenario.json("FUZZ-2", "ACC-FUZZ:INSTR0:USD", "NEW_TRADE", java.math.BigDecimal.TEN,
                java.math.BigDecimal.ONE, LocalDate.now(ZoneId.of("America/New_York")));
        String valid = "{\"tradeId\":\"FUZZ-2\",\"positionKey\":\"ACC-FUZZ:INSTR0:USD\",\"failure\":\"timeout\",\"trade\":" + trade + "}";
        return new PoisonMessages(seed, valid, List.of(new Field("trade", Kind.OBJECT))).next(count);
    }

    static List<PoisonMessages.Poison> contracts(long seed, int count) {
        String valid = "{\"positionKey\":\"ACC-FUZZ:INSTR0:USD\",\"contractId\":\"C-1\",\"taxLotMethod\":\"FIFO\"}";
        return new PoisonMessages(seed, valid, List.of(new Field("positionKey", Kind.PATTERNED_TEXT),
                new Field("taxLotMethod", Kind.ENUM))).next(count);
    }
}
