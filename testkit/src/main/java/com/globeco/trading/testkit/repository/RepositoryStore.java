package com.globeco.trading.testkit.repository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The repository's state: accepted reports by report id (the idempotency key), trades by UTI, the rejections, and the
 * instruments it will not take. One lock: a submission is judged and applied as a whole, so of two concurrent
 * submissions of one report id exactly one is accepted first. Submission ids are handed out without gaps.
 */
final class RepositoryStore {

    private static final String SUBMISSION_PREFIX = "TR-";

    private final Clock clock;
    private final Map<String, Accepted> acceptedByReportId = new HashMap<>();
    private final Map<String, RepositoryTrade> tradesByUti = new HashMap<>();
    private final Map<String, List<AcceptedReport>> reportsByUti = new HashMap<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final Set<String> ineligibleInstruments = new HashSet<>();
    private long lastSubmissionNumber;

    RepositoryStore(Clock clock) {
        this.clock = clock;
    }

    /**
     * A repeated report id is answered first: with the receipt it got when the content is the same, as a conflict when
     * not. A new one is then judged by the rules, the instrument's eligibility and the trade's lifecycle, in that order.
     */
    synchronized Submission submit(SubmittedReport report) {
        Accepted earlier = acceptedByReportId.get(report.reportId());
        if (earlier != null) {
            return earlier.report().sameContentAs(report) ? new Submission.Acknowledged(earlier.acknowledgement(), false)
                    : refuse(Rejection.of(report, ReasonCode.DUPLICATE_REPORT_ID, "reportId " + report.reportId()
                            + " was accepted as " + earlier.acknowledgement().submissionId() + " with other content"));
        }
        RepositoryTrade current = tradesByUti.get(report.uti());
        Optional<Rejection> refusal = ReportRules.refusal(report)
                .or(() -> eligibilityRefusal(report))
                .or(() -> TradeLifecycle.refusal(current, report));
        return refusal.isPresent() ? refuse(refusal.get()) : accept(report, current);
    }

    synchronized Submission refuse(Rejection rejection) {
        rejections.add(rejection);
        return new Submission.Refused(rejection);
    }

    private Optional<Rejection> eligibilityRefusal(SubmittedReport report) {
        String instrument = report.instrument();
        return report.action() != ReportAction.CANCEL && ineligibleInstruments.contains(instrument)
                ? Optional.of(Rejection.of(report, ReasonCode.INSTRUMENT_NOT_ELIGIBLE,
                        "instrument " + instrument + " is not eligible for reporting"))
                : Optional.empty();
    }

    private Submission accept(SubmittedReport report, RepositoryTrade current) {
        Acknowledgement acknowledgement = new Acknowledgement(report.reportId(), report.uti(),
                SUBMISSION_PREFIX + ++lastSubmissionNumber, clock.instant());
        acceptedByReportId.put(report.reportId(), new Accepted(report, acknowledgement));
        tradesByUti.put(report.uti(), TradeLifecycle.after(current, report));
        reportsByUti.computeIfAbsent(report.uti(), uti -> new ArrayList<>()).add(AcceptedReport.of(report, acknowledgement));
        return new Submission.Acknowledged(acknowledgement, true);
    }

    synchronized void makeIneligible(String instrument) {
        ineligibleInstruments.add(instrument);
    }

    synchronized void makeEligible(String instrument) {
        ineligibleInstruments.remove(instrument);
    }

    synchronized int acceptedReports() {
        return acceptedByReportId.size();
    }

    synchronized List<AcceptedReport> reportsFor(String uti) {
        return List.copyOf(reportsByUti.getOrDefault(uti, List.of()));
    }

    synchronized Optional<RepositoryTrade> trade(String uti) {
        return Optional.ofNullable(tradesByUti.get(uti));
    }

    synchronized List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    synchronized List<RepositoryPosition> positions(String reportingEntity) {
        return RepositoryPosition.of(tradesByUti.values().stream()
                .filter(trade -> trade.reportingEntity().equals(reportingEntity)).toList());
    }

    Instant now() {
        return clock.instant();
    }

    /** A report as accepted, and its receipt. */
    private record Accepted(SubmittedReport report, Acknowledgement acknowledgement) {
    }
}
