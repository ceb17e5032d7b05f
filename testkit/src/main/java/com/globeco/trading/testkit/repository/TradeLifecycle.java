package com.globeco.trading.testkit.repository;

import java.util.Optional;

/**
 * What a report may do to the trade its UTI names: a NEW opens a trade that is not live (never reported, or cancelled:
 * it revives), an AMEND replaces a live trade's terms, a CANCEL ends a live trade.
 */
final class TradeLifecycle {

    private TradeLifecycle() {
    }

    /** Empty when the report may be applied to {@code current} (null for a UTI never reported). */
    static Optional<Rejection> refusal(RepositoryTrade current, SubmittedReport report) {
        boolean live = current != null && current.live();
        if (report.action() == ReportAction.NEW) {
            return live ? Optional.of(Rejection.of(report, ReasonCode.DUPLICATE_UTI,
                    "uti " + report.uti() + " is already live; amend or cancel it")) : Optional.empty();
        }
        return live ? Optional.empty() : Optional.of(Rejection.of(report, ReasonCode.UNKNOWN_UTI,
                "no live trade has uti " + report.uti() + " to " + report.action()));
    }

    /** The trade after an accepted report. */
    static RepositoryTrade after(RepositoryTrade current, SubmittedReport report) {
        if (report.action() == ReportAction.CANCEL) {
            return current.cancelledBy(report);
        }
        return RepositoryTrade.opened(report, current == null ? 0 : current.reports());
    }
}
