package com.globeco.trading.testkit.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A position as the repository sees it, from the live trades of one reporting entity: the NEW_TRADE and INCREASE
 * quantities less the DECREASE ones, exactly.
 */
public record RepositoryPosition(String positionKey, BigDecimal netQuantity, int liveTrades,
        LocalDate latestEffectiveDate) {

    /** The positions of these trades' live ones, sorted by position key. */
    static List<RepositoryPosition> of(Collection<RepositoryTrade> trades) {
        Map<String, List<RepositoryTrade>> byPosition = trades.stream().filter(RepositoryTrade::live)
                .collect(Collectors.groupingBy(RepositoryTrade::positionKey, TreeMap::new, Collectors.toList()));
        return byPosition.entrySet().stream().map(position -> of(position.getKey(), position.getValue())).toList();
    }

    private static RepositoryPosition of(String positionKey, List<RepositoryTrade> trades) {
        BigDecimal net = trades.stream().map(RepositoryTrade::signedQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        LocalDate latest = trades.stream().map(RepositoryTrade::effectiveDate).max(Comparator.naturalOrder()).orElseThrow();
        return new RepositoryPosition(positionKey, net, trades.size(), latest);
    }
}
