package com.globeco.trading.jobs;

import com.globeco.trading.testkit.fuzz.PoisonMessages;
import com.globeco.trading.testkit.fuzz.PoisonMessages.Field;
import com.globeco.trading.testkit.fuzz.PoisonMessages.Kind;

import com.globeco.trading.compliance.TradeIdentifiers;
import com.globeco.trading.compliance.reporting.ReportAction;
import com.globeco.trading.compliance.reporting.ReportOutcome;
import com.globeco.trading.compliance.reporting.ReportOutcomeJson;
import com.globeco.trading.compliance.reporting.ReportStatus;
import com.globeco.trading.compliance.reporting.ReportableTrade;
import com.globeco.trading.compliance.reporting.TradeReport;
import com.globeco.trading.positions.Initiators;
import com.globeco.trading.positions.TradeType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Poison for the input topics of the trade hotpath and the backdated coldpath, each broken from a valid message of its topic. */
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

    static List<PoisonMessages.Poison> corrections(long seed, int count) {
        String valid = "{\"positionKey\":\"ACC-FUZZ:INSTR0:USD\",\"asOfVersion\":3,\"outcome\":\"CORRECTED\",\"correlationId\":\"c-1\","
                + "\"backdatedTradeIds\":[\"FUZZ-3\"],\"realizedPnlAdjustment\":\"12.5\",\"lots\":{\"ids\":[\"FUZZ-3\"],"
                + "\"tradeDays\":[20000],\"prices\":[\"10\"],\"quantities\":[\"5\"],\"referencePrices\":[\"10\"]}}";
        return new PoisonMessages(seed, valid, List.of(new Field("positionKey", Kind.PATTERNED_TEXT), new Field("asOfVersion", Kind.INTEGER),
                new Field("outcome", Kind.ENUM), new Field("backdatedTradeIds", Kind.OBJECT), new Field("lots", Kind.OBJECT),
                new Field("realizedPnlAdjustment", Kind.ID_TEXT))).next(count);
    }

    static List<PoisonMessages.Poison> backdatedTrades(long seed, int count) {
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        String trade = TradeScenario.json("FUZZ-4", "ACC-FUZZ:INSTR0:USD", "NEW_TRADE", java.math.BigDecimal.TEN, java.math.BigDecimal.ONE,
                today.minusDays(3));
        String valid = trade.substring(0, trade.length() - 1) + ",\"provisionalVersion\":4,\"taxLotMethod\":\"FIFO\"}";
        return new PoisonMessages(seed, valid, List.of(new Field("tradeId", Kind.ID_TEXT), new Field("positionKey", Kind.PATTERNED_TEXT),
                new Field("tradeType", Kind.ENUM), new Field("quantity", Kind.AMOUNT), new Field("price", Kind.AMOUNT),
                new Field("effectiveDate", Kind.DAY), new Field("occurredAt", Kind.INSTANT), new Field("provisionalVersion", Kind.INTEGER),
                new Field("taxLotMethod", Kind.ENUM))).next(count);
    }

    static List<PoisonMessages.Poison> reportOutcomes(long seed, int count) {
        String key = "ACC-FUZZ:INSTR0:USD";
        TradeIdentifiers identifiers = TradeIdentifiers.example();
        Instant now = Instant.now();
        ReportableTrade trade = new ReportableTrade(key, "FUZZ-5", identifiers.uti(key, "FUZZ-5"), TradeType.NEW_TRADE, BigDecimal.TEN,
                BigDecimal.ONE, LocalDate.now(ZoneId.of("America/New_York")), now, false, "trader-fuzz", "corr-fuzz");
        String valid = ReportOutcomeJson.write(new ReportOutcome(new TradeReport(trade, identifiers.usi(key, "FUZZ-5"), 1, ReportAction.NEW,
                false, Initiators.REGULATORY_REPORTING, now), ReportStatus.ACKNOWLEDGED, "SUB-1", null, null, 1, now));
        return new PoisonMessages(seed, valid, List.of(new Field("positionKey", Kind.PATTERNED_TEXT), new Field("uti", Kind.PATTERNED_TEXT),
                new Field("usi", Kind.PATTERNED_TEXT), new Field("tradeId", Kind.ID_TEXT), new Field("status", Kind.ENUM),
                new Field("action", Kind.ENUM), new Field("tradeType", Kind.ENUM), new Field("quantity", Kind.DECIMAL_TEXT),
                new Field("price", Kind.DECIMAL_TEXT), new Field("sequence", Kind.INTEGER), new Field("attempts", Kind.INTEGER),
                new Field("effectiveDate", Kind.DAY), new Field("executedAt", Kind.INSTANT), new Field("createdAt", Kind.INSTANT),
                new Field("answeredAt", Kind.INSTANT))).next(count);
    }
}
