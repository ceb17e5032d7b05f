package com.globeco.trading.compliance.reporting;

import com.globeco.trading.compliance.TradeIdentifiers;
import com.globeco.trading.positions.Initiators;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When a position's trades are reported, and how (seed 004, 6.2 and 10.4): a trade of a reconciled position at once; a
 * trade of a provisional one (a backdated trade of it not corrected yet) waits for the correction, at most the SLA,
 * then goes out marked provisional and is amended once the position is reconciled. A trade whose history the coldpath
 * refused is cancelled at the repository, or never sent. A trade has one report in flight at a time: what falls due
 * meanwhile waits for its answer. Pure: the job keeps the state and sends what a step says.
 */
public final class ReportingRules implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Duration provisionalSla;
    private final TradeIdentifiers identifiers;

    /** What one input did: the position's next state, the rows to record, the reports to send, the timers to set. */
    public record Step(PositionReports next, List<ReportRow> rows, List<TradeReport> send, List<Instant> timers) {}

    public ReportingRules(Duration provisionalSla, TradeIdentifiers identifiers) {
        this.provisionalSla = provisionalSla;
        this.identifiers = identifiers;
    }

    public Duration provisionalSla() {
        return provisionalSla;
    }

    public Step on(PositionReports state, ReportingInput input, Instant now) {
        Builder step = new Builder(state, now);
        if (input instanceof ReportingInput.Applied applied) {
            step.applied(applied.trade());
        } else if (input instanceof ReportingInput.Settled settled) {
            step.settled(settled.tradeIds());
        } else if (input instanceof ReportingInput.Refused refused) {
            step.refused(refused.tradeIds(), refused.reason());
        } else if (input instanceof ReportingInput.Answered answered) {
            step.answered(answered.outcome());
        } else {
            step.resubmit((ReportingInput.Resubmit) input);
        }
        return step.build();
    }

    /** The reports whose wait reached the SLA go out, marked provisional. */
    public Step onTimer(PositionReports state, Instant now) {
        Builder step = new Builder(state, now);
        for (ReportedTrade trade : state.trades()) {
            if (trade.waiting() && !trade.waitingSince().plus(provisionalSla).isAfter(now)) {
                step.send(trade, trade.last());
            }
        }
        return step.build();
    }

    private final class Builder {
        private PositionReports state;
        private final Instant now;
        private final List<ReportRow> rows = new ArrayList<>();
        private final List<TradeReport> send = new ArrayList<>();
        private final List<Instant> timers = new ArrayList<>();

        Builder(PositionReports state, Instant now) {
            this.state = state;
            this.now = now;
        }

        void applied(ReportableTrade trade) {
            if (state.trade(trade.tradeId()).isPresent()) {
                return;
            }
            if (trade.backdated()) {
                state = state.outstandingToo(trade.tradeId());
            }
            TradeReport report = new TradeReport(trade, identifiers.usi(trade.positionKey(), trade.tradeId()), 1, ReportAction.NEW,
                    false, Initiators.REGULATORY_REPORTING, now);
            if (state.provisional()) {
                state = state.with(new ReportedTrade(trade, report, ReportStatus.PENDING, false, now, null));
                rows.add(ReportRow.waiting(report));
                timers.add(now.plus(provisionalSla));
            } else {
                send(new ReportedTrade(trade, report, ReportStatus.PENDING, false, null, null), report);
            }
        }

        void settled(String[] tradeIds) {
            state = state.settled(tradeIds);
            if (!state.provisional()) {
                state.tradeList().forEach(this::reconciled);
            }
        }

        /** The position is reconciled: a waiting report goes out as it is, a provisional one is amended. */
        private void reconciled(ReportedTrade trade) {
            if (trade.queued() == ReportAction.CANCEL) {
                return;
            }
            if (trade.waiting()) {
                send(trade, trade.last());
            } else if (trade.last().provisional() && trade.last().action() != ReportAction.CANCEL) {
                due(trade, ReportAction.AMEND);
            }
        }

        void refused(String[] tradeIds, String reason) {
            state = state.settled(tradeIds);
            for (String tradeId : tradeIds) {
                state.trade(tradeId).ifPresent(trade -> withdraw(trade, reason));
            }
            if (!state.provisional()) {
                state.tradeList().forEach(this::reconciled);
            }
        }

        private void withdraw(ReportedTrade trade, String reason) {
            if (trade.inFlight() || trade.held()) {
                due(trade, ReportAction.CANCEL);
                return;
            }
            if (!trade.status().isFinal()) {
                rows.add(ReportRow.withdrawn(trade.last(), reason, now));
            }
            state = state.without(trade.tradeId());
        }

        /** An AMEND or a CANCEL: sent now, or after the report in flight is answered. */
        private void due(ReportedTrade trade, ReportAction action) {
            if (trade.inFlight()) {
                state = state.with(trade.withQueued(action));
                return;
            }
            if (action == ReportAction.CANCEL && !trade.held()) {
                state = state.without(trade.tradeId());
                return;
            }
            ReportAction sent = action == ReportAction.AMEND && !trade.held() ? ReportAction.NEW : action;
            send(trade, new TradeReport(trade.trade(), trade.last().usi(), trade.last().sequence() + 1, sent, false,
                    trade.last().requestedBy(), now));
        }

        void answered(ReportOutcome outcome) {
            state.trade(outcome.report().trade().tradeId())
                    .filter(trade -> trade.last().reportId().equals(outcome.reportId()) && !trade.status().isFinal())
                    .ifPresent(trade -> {
                        ReportedTrade answered = trade.answered(outcome);
                        state = state.with(answered);
                        if (answered.queued() != null) {
                            due(answered.withQueued(null), answered.queued());
                        } else if (settledForGood(answered)) {
                            state = state.without(trade.tradeId());
                        }
                    });
        }

        private boolean settledForGood(ReportedTrade trade) {
            boolean acknowledged = trade.status() == ReportStatus.ACKNOWLEDGED;
            return acknowledged && (trade.last().action() == ReportAction.CANCEL || !trade.last().provisional());
        }

        void resubmit(ReportingInput.Resubmit request) {
            state.trade(request.tradeId())
                    .filter(trade -> trade.status() == ReportStatus.REJECTED || trade.status() == ReportStatus.FAILED)
                    .ifPresent(trade -> send(trade, trade.last().resubmitted(trade.last().sequence() + 1, request.requestedBy(), now)));
        }

        void send(ReportedTrade trade, TradeReport report) {
            TradeReport marked = trade.waiting() && state.provisional() && !report.provisional()
                    ? new TradeReport(report.trade(), report.usi(), report.sequence(), report.action(), true, report.requestedBy(), report.createdAt())
                    : report;
            state = state.with(trade.sent(marked));
            rows.add(ReportRow.submitted(marked, now));
            send.add(marked);
        }

        Step build() {
            return new Step(state, List.copyOf(rows), List.copyOf(send), List.copyOf(timers));
        }
    }
}
