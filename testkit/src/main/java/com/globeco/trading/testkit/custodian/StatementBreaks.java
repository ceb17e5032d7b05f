package com.globeco.trading.testkit.custodian;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.globeco.trading.compliance.custodian.CustodianHolding;

/**
 * How the custodian's statement departs from what it was told, the way real breaks look: a position left out, one
 * only the custodian has (it replaces whatever the custodian derived for that key), a quantity off by some amount
 * (shifts add up), another average cost or last activity date. A position left out stays out, extra or not.
 */
final class StatementBreaks {

    private final Set<String> omitted = new HashSet<>();
    private final Map<String, Extra> extras = new LinkedHashMap<>();
    private final Map<String, BigDecimal> quantityShifts = new HashMap<>();
    private final Map<String, BigDecimal> averageCosts = new HashMap<>();
    private final Map<String, LocalDate> lastActivities = new HashMap<>();

    void omit(String positionKey) {
        omitted.add(positionKey);
    }

    void addExtra(String positionKey, BigDecimal quantity, BigDecimal averageCost, LocalDate lastActivity) {
        extras.put(positionKey, new Extra(quantity, HeldPosition.statedAverageCost(averageCost), lastActivity));
    }

    void shiftQuantity(String positionKey, BigDecimal delta) {
        quantityShifts.merge(positionKey, delta, BigDecimal::add);
    }

    void overrideAverageCost(String positionKey, BigDecimal averageCost) {
        averageCosts.put(positionKey, HeldPosition.statedAverageCost(averageCost));
    }

    void overrideLastActivity(String positionKey, LocalDate lastActivity) {
        lastActivities.put(positionKey, lastActivity);
    }

    void clear() {
        omitted.clear();
        extras.clear();
        quantityShifts.clear();
        averageCosts.clear();
        lastActivities.clear();
    }

    /** The holdings with every break applied. */
    List<CustodianHolding> applyTo(List<CustodianHolding> derived, LocalDate statementDate) {
        Map<String, CustodianHolding> byKey = new LinkedHashMap<>();
        derived.forEach(holding -> byKey.put(holding.positionKey(), holding));
        extras.forEach((positionKey, extra) -> byKey.put(positionKey, extra.holding(positionKey, statementDate)));
        omitted.forEach(byKey::remove);
        return byKey.values().stream().map(this::altered).toList();
    }

    private CustodianHolding altered(CustodianHolding holding) {
        String key = holding.positionKey();
        BigDecimal shift = quantityShifts.get(key);
        return new CustodianHolding(holding.statementDate(), key,
                shift == null ? holding.quantity() : holding.quantity().add(shift),
                averageCosts.getOrDefault(key, holding.averageCost()),
                holding.marketPrice(),
                lastActivities.getOrDefault(key, holding.lastActivityDate()));
    }

    /** A position only the custodian has. */
    private record Extra(BigDecimal quantity, BigDecimal averageCost, LocalDate lastActivity) {
        CustodianHolding holding(String positionKey, LocalDate statementDate) {
            return new CustodianHolding(statementDate, positionKey, quantity, averageCost, null, lastActivity);
        }
    }
}
