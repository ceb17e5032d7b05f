package com.globeco.trading.operators.reporting;

import com.globeco.trading.compliance.reporting.ReportOutcome;
import com.globeco.trading.compliance.reporting.ReportStatus;
import com.globeco.trading.compliance.reporting.RepositoryAnswer;
import com.globeco.trading.compliance.reporting.SubmissionAttempt;
import com.globeco.trading.compliance.reporting.SubmissionResult;
import com.globeco.trading.compliance.reporting.Submitted;
import com.globeco.trading.compliance.reporting.TradeReport;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Submits each report to the Trade Repository until it answers: acknowledged or rejected settle it; no answer (5xx,
 * a timeout, a refused connection, an open breaker) is retried with a doubling backoff, and after the last attempt the
 * report has FAILED. Every attempt is kept for the audit trail. The repository answers a report sent again (after a
 * restart) idempotently by its id, so a report is acknowledged once.
 */
public final class SubmitReports extends RichAsyncFunction<TradeReport, Submitted> {
    /** The reports a subtask holds, in a call or waiting for a retry: the calls themselves are bounded by the settings. */
    public static final int REPORTS_HELD = 200;
    private final TradeRepositorySettings settings;
    private transient TradeRepositoryClient client;
    private transient ScheduledExecutorService backoff;
    private transient Clock clock;
    private transient Map<String, Instant> inFlight;
    private transient Counter acknowledged;
    private transient Counter rejected;
    private transient Counter failed;
    private transient Counter attempts;
    private transient Histogram latency;

    public SubmitReports(TradeRepositorySettings settings) {
        this.settings = settings;
    }

    /** The operator's timeout: past the longest a submission can take, so the loop's own end always comes first. */
    public static Duration asyncTimeout(TradeRepositorySettings settings) {
        return settings.longestSubmission().plusSeconds(30);
    }

    @Override
    public void open(OpenContext context) {
        clock = Clock.systemUTC();
        int subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        client = new TradeRepositoryClient(settings, Math.max(1, settings.maxCallsInFlight() / subtasks), clock);
        backoff = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "trade-repository-backoff");
            thread.setDaemon(true);
            return thread;
        });
        inFlight = new ConcurrentHashMap<>();
        var metrics = getRuntimeContext().getMetricGroup();
        acknowledged = metrics.counter("reportsAcknowledged");
        rejected = metrics.counter("reportsRejected");
        failed = metrics.counter("reportsFailed");
        attempts = metrics.counter("submissionAttempts");
        latency = metrics.histogram("reportingLatencyMillis", new DescriptiveStatisticsHistogram(1024));
        metrics.gauge("oldestSubmissionAgeMillis", this::oldestAgeMillis);
        client.exportBreakerState(metrics);
    }

    @Override
    public void asyncInvoke(TradeReport report, ResultFuture<Submitted> result) {
        inFlight.put(report.reportId(), clock.instant());
        new Submission(report, result).attempt(1);
    }

    @Override
    public void timeout(TradeReport report, ResultFuture<Submitted> result) {
        inFlight.remove(report.reportId());
        failed.inc();
        result.complete(List.of(new Submitted(new ReportOutcome(report, ReportStatus.FAILED, null, "NO_ANSWER",
                "no answer within the operator's timeout", 0, clock.instant()), new SubmissionAttempt[0])));
    }

    @Override
    public void close() {
        if (backoff != null) {
            backoff.shutdownNow();
        }
        if (client != null) {
            client.close();
        }
    }

    private long oldestAgeMillis() {
        Instant now = clock.instant();
        return inFlight.values().stream().mapToLong(since -> Duration.between(since, now).toMillis()).max().orElse(0);
    }

    /** One report's attempts, until an answer settles it or the attempts run out. */
    private final class Submission {
        private final TradeReport report;
        private final ResultFuture<Submitted> result;
        private final List<SubmissionAttempt> made = new ArrayList<>();
        private final AtomicBoolean done = new AtomicBoolean();

        Submission(TradeReport report, ResultFuture<Submitted> result) {
            this.report = report;
            this.result = result;
        }

        void attempt(int number) {
            attempts.inc();
            client.attempt(report, number).whenComplete((attempted, error) -> {
                if (error != null) {
                    finish(ReportStatus.FAILED, RepositoryAnswer.unavailable(String.valueOf(error)));
                    return;
                }
                made.add(attempted.attempt());
                SubmissionResult outcome = attempted.attempt().result();
                if (outcome.settles()) {
                    finish(outcome == SubmissionResult.ACKNOWLEDGED ? ReportStatus.ACKNOWLEDGED : ReportStatus.REJECTED, attempted.answer());
                } else if (number >= settings.maxAttempts()) {
                    finish(ReportStatus.FAILED, attempted.answer());
                } else {
                    backoff.schedule(() -> attempt(number + 1), settings.backoffBefore(number + 1).toMillis(), TimeUnit.MILLISECONDS);
                }
            });
        }

        private void finish(ReportStatus status, RepositoryAnswer answer) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            Instant now = clock.instant();
            inFlight.remove(report.reportId());
            (status == ReportStatus.ACKNOWLEDGED ? acknowledged : status == ReportStatus.REJECTED ? rejected : failed).inc();
            latency.update(Duration.between(report.createdAt(), now).toMillis());
            String reasonCode = status == ReportStatus.FAILED ? "NO_ANSWER" : answer.reasonCode();
            ReportOutcome outcome = new ReportOutcome(report, status, answer.submissionId(), reasonCode, answer.reason(), made.size(), now);
            result.complete(List.of(new Submitted(outcome, made.toArray(SubmissionAttempt[]::new))));
        }
    }
}
