package com.globeco.trading.testkit.custodian;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.globeco.trading.compliance.custodian.CustodianHolding;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.TradeType;

/**
 * A custodian that is told of every trade and delivers an end-of-day holdings statement as a CSV file dropped into a
 * directory (docs/compliance-interfaces.md): trade-date holdings by the average-cost method ({@link HeldPosition}),
 * positions of zero quantity left out, sorted by account, instrument and currency. Breaks can be injected so that the
 * statement differs from our positions the way real ones do, and cleared again. Safe to call from any thread.
 */
public final class CustodianSimulator {

    private static final Comparator<CustodianHolding> STATEMENT_ORDER = Comparator.comparing(CustodianHolding::account)
            .thenComparing(CustodianHolding::instrument).thenComparing(CustodianHolding::currency);

    private final Clock clock;
    private final CustodianBook ledger = new CustodianBook();
    private final StatementBreaks breaks = new StatementBreaks();
    private final Map<String, BigDecimal> marketPrices = new HashMap<>();

    public CustodianSimulator() {
        this(Clock.systemUTC());
    }

    /** @param clock says which date {@link #holdings()} is as of */
    public CustodianSimulator(Clock clock) {
        this.clock = clock;
    }

    /**
     * Books a trade.
     *
     * @throws IllegalArgumentException for a quantity not above zero or a negative price
     */
    public synchronized void book(String positionKey, TradeType type, BigDecimal quantity, BigDecimal price,
            LocalDate effectiveDate) {
        if (quantity.signum() <= 0 || price.signum() < 0) {
            throw new IllegalArgumentException("a trade of " + quantity + " at " + price + ": the quantity must be above "
                    + "zero and the price not below");
        }
        ledger.add(new BookedTrade(ledger.size(), Objects.requireNonNull(positionKey), Objects.requireNonNull(type),
                quantity, price, Objects.requireNonNull(effectiveDate)));
    }

    public void book(Trade trade) {
        book(trade.positionKey(), trade.tradeType(), trade.quantity(), trade.price(), trade.effectiveDate());
    }

    /** The price the statement carries for every position in the instrument; without one its market price is empty. */
    public synchronized void setMarketPrice(String instrument, BigDecimal price) {
        marketPrices.put(instrument, price);
    }

    /** Leaves the position out of every statement: missing at the custodian. */
    public synchronized void omit(String positionKey) {
        breaks.omit(positionKey);
    }

    /** A position only the custodian has, in every statement (instead of what it derived for that key, if anything). */
    public synchronized void addExtra(String positionKey, BigDecimal quantity, BigDecimal averageCost,
            LocalDate lastActivity) {
        breaks.addExtra(positionKey, quantity, averageCost, lastActivity);
    }

    /** States the position's quantity off by {@code delta}; shifts of one position add up. */
    public synchronized void shiftQuantity(String positionKey, BigDecimal delta) {
        breaks.shiftQuantity(positionKey, delta);
    }

    public synchronized void overrideAverageCost(String positionKey, BigDecimal averageCost) {
        breaks.overrideAverageCost(positionKey, averageCost);
    }

    public synchronized void overrideLastActivity(String positionKey, LocalDate lastActivity) {
        breaks.overrideLastActivity(positionKey, lastActivity);
    }

    /** Ends every injected break: the statements agree with the trades booked again. */
    public synchronized void clearBreaks() {
        breaks.clear();
    }

    /** The statement of that date as it would be delivered. */
    public synchronized List<CustodianHolding> holdings(LocalDate statementDate) {
        return breaks.applyTo(ledger.holdingsAsOf(statementDate), statementDate).stream()
                .filter(holding -> holding.quantity().signum() != 0)
                .map(this::priced)
                .sorted(STATEMENT_ORDER)
                .toList();
    }

    /** The statement of today, by the clock. */
    public List<CustodianHolding> holdings() {
        return holdings(LocalDate.now(clock));
    }

    /**
     * Writes the statement of {@code statementDate} into the drop directory (created if need be) as
     * {@code custodian-positions-<YYYYMMDD>.csv}, atomically, replacing an earlier delivery of that date.
     *
     * @return the statement file
     * @throws java.io.UncheckedIOException if it cannot be written
     */
    public synchronized Path deliverStatement(LocalDate statementDate, Path dropDirectory) {
        return StatementWriter.deliver(holdings(statementDate), statementDate, dropDirectory);
    }

    private CustodianHolding priced(CustodianHolding holding) {
        return new CustodianHolding(holding.statementDate(), holding.positionKey(), holding.quantity(),
                holding.averageCost(), marketPrices.get(holding.instrument()), holding.lastActivityDate());
    }
}
