package com.globeco.trading.savepoints;

import com.globeco.trading.jobs.BackdatedColdpathOptions;
import com.globeco.trading.jobs.EmbeddedServices;
import com.globeco.trading.positions.ProvisionalTrade;
import com.globeco.trading.positions.BackdatedTradeJson;
import com.globeco.trading.positions.TaxLotMethod;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.TradeType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The run behind the backdated coldpath's golden savepoint: two backdated trades of one position,
 * waiting in the coalescing window (20 s, longer than the run) when the savepoint is taken. Restored
 * later, the window is over and the two make one replay.
 */
record GoldenColdpathRun(LocalDate lastDay) {
    static final String KEY = "ACC-G3:AAPL:USD";
    /** The run of release 0.1.0's golden savepoint, whose last trading day was 2026-11-16. */
    static final GoldenColdpathRun RELEASE_0_1_0 = new GoldenColdpathRun(LocalDate.parse("2026-11-16"));
    /** The backdated trades a run published, kept next to its savepoint (from releases after 0.1.0). */
    static final String INPUTS = "backdated.jsonl";

    /** A run written now, ending yesterday in the business zone: within the gate's effective-date window whatever the day. */
    static GoldenColdpathRun endingYesterday(ZoneId businessZone) {
        return new GoldenColdpathRun(LocalDate.now(businessZone).minusDays(1));
    }

    List<Trade> trades() {
        return List.of(
                trade("G3-1", TradeType.NEW_TRADE, "100", "10", lastDay),
                trade("G3-2", TradeType.INCREASE, "40", "8", lastDay.minusDays(4)),
                trade("G3-3", TradeType.INCREASE, "10", "9", lastDay.minusDays(2)));
    }

    /** G3-2 and G3-3 were applied provisionally at versions 2 and 3. */
    List<String> backdated() {
        List<Trade> trades = trades();
        return List.of(
                BackdatedTradeJson.write(new ProvisionalTrade(trades.get(1), 2, TaxLotMethod.FIFO)),
                BackdatedTradeJson.write(new ProvisionalTrade(trades.get(2), 3, TaxLotMethod.FIFO)));
    }

    static BackdatedColdpathOptions options(EmbeddedServices stack, String... extra) {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--kafka.bootstrap-servers", stack.kafka().bootstrapServers(),
                "--coldpath.topic-prefix", "golden-coldpath.",
                "--postgres.url", stack.postgres().jdbcUrl(),
                "--postgres.user", stack.postgres().user(),
                "--postgres.password", stack.postgres().password(),
                "--coldpath.coalesce-delay", "PT20S"));
        arguments.addAll(List.of(extra));
        BackdatedColdpathOptions options = BackdatedColdpathOptions.from(arguments.toArray(String[]::new));
        stack.kafka().createTopics(1, options.topics());
        return options;
    }

    private static Trade trade(String id, TradeType type, String quantity, String price, LocalDate day) {
        return new Trade(id, KEY, type, new BigDecimal(quantity), new BigDecimal(price), day, day.atTime(15, 0).toInstant(java.time.ZoneOffset.UTC), null,
                "corr-" + id, null, null);
    }
}
