package com.globeco.trading.testkit.custodian;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.globeco.trading.compliance.custodian.CustodianHolding;

/**
 * Every trade the custodian booked, from which it derives its trade-date holdings at the end of any date: the trades
 * effective on or before it, applied in effective-date order (booking order within a date), so a backdated trade
 * lands where it belongs.
 */
final class CustodianBook {

    private static final Comparator<BookedTrade> TRADE_DATE_ORDER =
            Comparator.comparing(BookedTrade::effectiveDate).thenComparingLong(BookedTrade::sequence);

    private final List<BookedTrade> trades = new ArrayList<>();

    void add(BookedTrade trade) {
        trades.add(trade);
    }

    long size() {
        return trades.size();
    }

    /** Every position with a trade effective by the end of {@code statementDate}, a flat one too. */
    List<CustodianHolding> holdingsAsOf(LocalDate statementDate) {
        Map<String, HeldPosition> positions = new LinkedHashMap<>();
        trades.stream()
                .filter(trade -> !trade.effectiveDate().isAfter(statementDate))
                .sorted(TRADE_DATE_ORDER)
                .forEach(trade -> positions.computeIfAbsent(trade.positionKey(), HeldPosition::new).apply(trade));
        return positions.values().stream().map(position -> position.holding(statementDate)).toList();
    }
}
