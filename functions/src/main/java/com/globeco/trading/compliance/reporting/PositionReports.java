package com.globeco.trading.compliance.reporting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the reporting job keeps of one position: the trades whose reports are not settled for good (an acknowledged
 * report of a reconciled position is, and its trade is let go), and the backdated trades the position still waits to
 * have corrected; while there are any, the position is provisional and its new trades' reports wait.
 */
public record PositionReports(ReportedTrade[] trades, String[] outstanding) {

    public static PositionReports empty() {
        return new PositionReports(new ReportedTrade[0], new String[0]);
    }

    public boolean provisional() {
        return outstanding.length > 0;
    }

    public boolean isEmpty() {
        return trades.length == 0 && outstanding.length == 0;
    }

    public Optional<ReportedTrade> trade(String tradeId) {
        return Arrays.stream(trades).filter(trade -> trade.tradeId().equals(tradeId)).findFirst();
    }

    public List<ReportedTrade> tradeList() {
        return List.of(trades);
    }

    PositionReports with(ReportedTrade changed) {
        List<ReportedTrade> next = new ArrayList<>(List.of(trades));
        next.removeIf(trade -> trade.tradeId().equals(changed.tradeId()));
        next.add(changed);
        return new PositionReports(next.toArray(ReportedTrade[]::new), outstanding);
    }

    PositionReports without(String tradeId) {
        return new PositionReports(Arrays.stream(trades).filter(trade -> !trade.tradeId().equals(tradeId)).toArray(ReportedTrade[]::new),
                outstanding);
    }

    PositionReports outstandingToo(String tradeId) {
        Set<String> next = new LinkedHashSet<>(List.of(outstanding));
        next.add(tradeId);
        return new PositionReports(trades, next.toArray(String[]::new));
    }

    PositionReports settled(String[] tradeIds) {
        Set<String> next = new LinkedHashSet<>(List.of(outstanding));
        next.removeAll(List.of(tradeIds));
        return new PositionReports(trades, next.toArray(String[]::new));
    }
}
