package com.globeco.trading.operators.reporting;

import com.globeco.trading.compliance.reporting.ReportJson;
import com.globeco.trading.compliance.reporting.RepositoryAnswer;
import com.globeco.trading.compliance.reporting.SubmissionAttempt;
import com.globeco.trading.compliance.reporting.SubmissionResult;
import com.globeco.trading.compliance.reporting.TradeReport;
import com.globeco.trading.operators.health.WatchedBreakers;
import com.globeco.trading.operators.http.CircuitBreakers;
import com.globeco.trading.operators.http.ServiceCalls;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.flink.metrics.MetricGroup;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The Trade Repository's {@code POST /api/v1/reports} behind a circuit breaker: one attempt of a report, kept as the
 * audit trail keeps it (the request, the HTTP status and body, or why nothing came). Never an exception.
 */
final class TradeRepositoryClient implements AutoCloseable {
    private final TradeRepositorySettings settings;
    private final ServiceCalls calls;
    private final CircuitBreaker breaker;
    private final Clock clock;

    TradeRepositoryClient(TradeRepositorySettings settings, int concurrentCalls, Clock clock) {
        this.settings = settings;
        this.calls = new ServiceCalls("trade-repository", settings.uri(), settings.callTimeout(), concurrentCalls);
        this.breaker = CircuitBreakers.afterConsecutiveFailures("trade-repository", settings.breakerFailures(), settings.breakerOpenFor());
        this.clock = clock;
        WatchedBreakers.watch(breaker);
    }

    void exportBreakerState(MetricGroup group) {
        CircuitBreakers.exportState(group, breaker);
    }

    /** One attempt and the answer it got; an attempt without one has an unavailable answer with the reason. */
    record Attempted(SubmissionAttempt attempt, RepositoryAnswer answer) {}

    CompletableFuture<Attempted> attempt(TradeReport report, int attempt) {
        String body = ReportJson.request(report, settings.reportingEntity());
        Instant sentAt = clock.instant();
        HttpRequest request = calls.request("/api/v1/reports", report.trade().correlationId())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", report.reportId())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return calls.send(request,
                response -> {
                    String text = response.body().fold(answer -> answer, refused -> refused);
                    RepositoryAnswer answer = response.body().fold(answered -> RepositoryAnswer.of(response.statusCode(), answered),
                            RepositoryAnswer::unavailable);
                    return new Attempted(new SubmissionAttempt(report.reportId(), attempt, sentAt, clock.instant(), body,
                            response.statusCode(), text, answer.result()), answer);
                },
                cause -> unanswered(report, attempt, sentAt, body, cause, timedOut(cause) ? SubmissionResult.TIMED_OUT : SubmissionResult.UNREACHABLE),
                breaker, sent -> !sent.attempt().result().settles(),
                () -> unanswered(report, attempt, sentAt, body, "circuit breaker open", SubmissionResult.BREAKER_OPEN));
    }

    private Attempted unanswered(TradeReport report, int attempt, Instant sentAt, String body, String cause, SubmissionResult result) {
        return new Attempted(new SubmissionAttempt(report.reportId(), attempt, sentAt, clock.instant(), body, null, cause, result),
                RepositoryAnswer.unavailable(cause));
    }

    private static boolean timedOut(String cause) {
        return cause != null && cause.toLowerCase(java.util.Locale.ROOT).contains("timed out");
    }

    @Override
    public void close() {
        WatchedBreakers.unwatch(breaker);
        calls.close();
    }
}
