package com.globeco.trading.testkit.trade;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import com.globeco.trading.testkit.trade.ExecutionPage.Code;
import com.globeco.trading.testkit.trade.ExecutionPage.Portfolio;
import com.globeco.trading.testkit.trade.ExecutionPage.Security;
import com.globeco.trading.testkit.trade.ExecutionPage.TradeExecution;
import com.globeco.trading.testkit.trade.ExecutionPage.TradeOrder;

/**
 * The Trade Service's executions by the Execution Service id they were placed as. Each registered one is a filled
 * BUY of {@value #QUANTITY} sent to Merrill Lynch; only its portfolio and security come from the test.
 */
final class TradeStore {

    static final long QUANTITY = 100;

    private static final Code FULL = new Code(4, "FULL", "Filled", 1);
    private static final Code BUY = new Code(1, "BUY", "Buy", 1);
    private static final Code MERRILL_LYNCH = new Code(1, "ML", "Merrill Lynch", 1);
    private static final int VERSION = 1;

    private final ConcurrentMap<Long, TradeExecution> byExecutionServiceId = new ConcurrentHashMap<>();
    private final AtomicLong lastId = new AtomicLong();
    private final Clock clock;

    TradeStore(Clock clock) {
        this.clock = clock;
    }

    /** Registering an id again replaces what it was registered with. */
    void register(long executionServiceId, String portfolioId, String securityId, String ticker) {
        Objects.requireNonNull(portfolioId, "portfolioId");
        Objects.requireNonNull(securityId, "securityId");
        Objects.requireNonNull(ticker, "ticker");
        long id = lastId.incrementAndGet();
        TradeOrder order = new TradeOrder(id, id, new Portfolio(portfolioId, "Portfolio " + id),
                new Security(securityId, ticker));
        String timestamp = clock.instant().truncatedTo(ChronoUnit.MICROS).toString();
        byExecutionServiceId.put(executionServiceId, new TradeExecution(id, timestamp, FULL, null, BUY, order,
                MERRILL_LYNCH, QUANTITY, QUANTITY, QUANTITY, null, executionServiceId, VERSION));
    }

    Optional<TradeExecution> find(long executionServiceId) {
        return Optional.ofNullable(byExecutionServiceId.get(executionServiceId));
    }
}
