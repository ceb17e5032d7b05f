package com.globeco.trading.savepoints;

import com.globeco.trading.compliance.TradeIdentifiers;
import com.globeco.trading.jobs.EmbeddedServices;
import com.globeco.trading.jobs.RegulatoryReportingOptions;
import com.globeco.trading.positions.Correction;
import com.globeco.trading.positions.CorrectionOutcome;
import com.globeco.trading.positions.EventJson;
import com.globeco.trading.positions.Hotpath;
import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.TradeType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The run behind the regulatory reporting job's golden savepoint, as the hotpath's events of four trades: on
 * {@code ACC-G5:IBM:USD} a trade reported and acknowledged at once, then a backdated one that makes the position
 * provisional and a current one after it, whose reports both wait for the position's correction (the SLA, ten years,
 * outlasts any restore); on {@code ACC-G5R:GRJX:USD} a trade the repository rejects (its instrument not eligible), kept
 * to be sent again on a person's command. Topics have one partition, so a restored job's offsets of the applied events
 * line up again once the same events are published.
 */
record GoldenReportingRun(LocalDate lastDay) {
    static final String WAITING = "ACC-G5:IBM:USD";
    static final String REJECTED = "ACC-G5R:GRJX:USD";
    static final String INELIGIBLE = "GRJX";
    static final String BACKDATED_TRADE = "G5-2";
    static final String REJECTED_TRADE = "G5-4";
    /** The events a run published on {@code trade-applied-events}, in order, kept next to its savepoint. */
    static final String EVENTS = "events.jsonl";
    static final TradeIdentifiers IDENTIFIERS = TradeIdentifiers.example();

    /** A run written now, ending yesterday in the business zone. */
    static GoldenReportingRun endingYesterday() {
        return new GoldenReportingRun(LocalDate.now(ZoneId.of("America/New_York")).minusDays(1));
    }

    /** The run whose events a golden savepoint kept: its first trade is of its last day. */
    static GoldenReportingRun of(List<String> events) throws Exception {
        return new GoldenReportingRun(LocalDate.parse(StateJson.JSON.readTree(events.get(0)).get("effectiveDate").asText()));
    }

    List<Trade> trades() {
        return List.of(
                trade("G5-1", WAITING, TradeType.NEW_TRADE, "100", "50", lastDay),
                trade(BACKDATED_TRADE, WAITING, TradeType.INCREASE, "10", "48", lastDay.minusDays(2)),
                trade("G5-3", WAITING, TradeType.DECREASE, "20", "52.5", lastDay),
                trade(REJECTED_TRADE, REJECTED, TradeType.NEW_TRADE, "5", "20", lastDay));
    }

    /** Each trade's event as the hotpath publishes it on {@code trade-applied-events}. */
    List<String> events() {
        List<String> events = new ArrayList<>();
        Position waiting = Position.empty();
        Position rejected = Position.empty();
        for (Trade trade : trades()) {
            boolean first = trade.positionKey().equals(WAITING);
            Hotpath.Applied applied = Hotpath.apply(first ? waiting : rejected, trade.positionKey(), trade, lastDay,
                    IDENTIFIERS.uti(trade.positionKey(), trade.tradeId()));
            if (first) {
                waiting = applied.state();
            } else {
                rejected = applied.state();
            }
            events.add(EventJson.message(applied.event()));
        }
        return events;
    }

    /** The hotpath's event of the coldpath's correction of the backdated trade: the waiting position reconciled. */
    String correctionEvent() {
        Position position = Position.empty();
        for (Trade trade : trades()) {
            if (trade.positionKey().equals(WAITING)) {
                position = Hotpath.apply(position, WAITING, trade, lastDay).state();
            }
        }
        Correction correction = new Correction(WAITING, position.version(), CorrectionOutcome.CORRECTED, position.lots(), BigDecimal.ZERO,
                new String[] {BACKDATED_TRADE}, null, "corr-" + BACKDATED_TRADE);
        return EventJson.message(Hotpath.adopt(position, correction, List.of(), BigDecimal.ZERO, true, Instant.now()).event());
    }

    String uti(String tradeId) {
        return IDENTIFIERS.uti(tradeId.equals(REJECTED_TRADE) ? REJECTED : WAITING, tradeId).value();
    }

    static RegulatoryReportingOptions options(EmbeddedServices stack) {
        RegulatoryReportingOptions options = RegulatoryReportingOptions.from(
                "--kafka.bootstrap-servers", stack.kafka().bootstrapServers(),
                "--reporting.topic-prefix", "golden-reporting.",
                "--reporting.consumer-group", "golden-reporting",
                "--postgres.url", stack.postgres().jdbcUrl(),
                "--postgres.user", stack.postgres().user(),
                "--postgres.password", stack.postgres().password(),
                "--trade-repository.url", stack.tradeRepository().baseUri().toString(),
                "--reporting.provisional-sla", "P3650D",
                "--trade-repository.first-backoff", "PT0.2S",
                "--trade-repository.max-backoff", "PT1S");
        stack.kafka().createTopics(1, options.topics());
        return options;
    }

    private static Trade trade(String id, String key, TradeType type, String quantity, String price, LocalDate day) {
        return new Trade(id, key, type, new BigDecimal(quantity), new BigDecimal(price), day, day.atTime(15, 0).toInstant(ZoneOffset.UTC), null,
                "corr-" + id, null, "trader-g5");
    }
}
