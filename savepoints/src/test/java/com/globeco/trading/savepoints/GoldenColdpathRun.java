package com.globeco.trading.savepoints;

import com.globeco.trading.jobs.BackdatedColdpathOptions;
import com.globeco.trading.jobs.EmbeddedServices;
import com.globeco.trading.positions.BackdatedTrade;
import com.globeco.trading.positions.BackdatedTradeJson;
import com.globeco.trading.positions.TaxLotMethod;
import com.globeco.trading.positions.TradeEvent;
import com.globeco.trading.positions.TradeType;

import java.math.BigDecimal;
import java.util.List;

/**
 * The run behind the backdated coldpath's golden savepoint: two backdated trades of one position,
 * waiting in the coalescing window (20 s, longer than the run) when the savepoint is taken. Restored
 * later, the window is over and the two make one replay.
 */
final class GoldenColdpathRun {
    static final String KEY = "ACC-G3:AAPL:USD";
    static final List<TradeEvent> TRADES = List.of(
            trade("G3-1", TradeType.NEW_TRADE, "100", "10", "2026-11-16"),
            trade("G3-2", TradeType.INCREASE, "40", "8", "2026-11-12"),
            trade("G3-3", TradeType.INCREASE, "10", "9", "2026-11-14"));
    /** G3-2 and G3-3 were applied provisionally at versions 2 and 3. */
    static final List<String> BACKDATED = List.of(
            BackdatedTradeJson.write(new BackdatedTrade(TRADES.get(1), 2, TaxLotMethod.FIFO)),
            BackdatedTradeJson.write(new BackdatedTrade(TRADES.get(2), 3, TaxLotMethod.FIFO)));

    private GoldenColdpathRun() {}

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

    private static TradeEvent trade(String id, TradeType type, String quantity, String price, String day) {
        return new TradeEvent(id, KEY, type, new BigDecimal(quantity), new BigDecimal(price), day, day + "T15:00:00Z", null,
                "corr-" + id, null, null);
    }
}
