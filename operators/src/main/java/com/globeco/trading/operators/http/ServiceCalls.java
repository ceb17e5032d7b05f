package com.globeco.trading.operators.http;

import com.globeco.trading.messages.Reading;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Calls to one HTTP service, the way every client here makes them: requests under the service's base
 * URI with a timeout, {@code Accept: application/json}, {@code X-Correlation-ID} and a W3C
 * {@code traceparent} of the call's client span ({@link ClientSpans}); answers and failures to reach the service both turned into the caller's
 * outcome type, never an exception; optionally behind a circuit breaker that counts the outcomes
 * the caller calls failures.
 */
public final class ServiceCalls implements AutoCloseable {
    private final URI baseUri;
    private final Duration timeout;
    private final PooledHttp http;
    private final ClientSpans spans;

    public ServiceCalls(String name, URI baseUri, Duration timeout, int concurrentCalls) {
        this(name, baseUri, timeout, concurrentCalls, AnswerLimit.DEFAULT);
    }

    /** Calls whose answers' bodies are read up to {@code answerLimit}: a larger body reaches the caller as a rejected reading. */
    public ServiceCalls(String name, URI baseUri, Duration timeout, int concurrentCalls, AnswerLimit answerLimit) {
        this.baseUri = baseUri;
        this.timeout = timeout;
        this.http = new PooledHttp(name + "-call", timeout, concurrentCalls, answerLimit);
        this.spans = new ClientSpans(name);
    }

    /**
     * A request to {@code path} (with its query) carrying the standard headers for {@code correlationId}; a call
     * without one gets a fresh id rather than failing.
     */
    public HttpRequest.Builder request(String path, String maybeCorrelationId) {
        String correlationId = maybeCorrelationId != null ? maybeCorrelationId : java.util.UUID.randomUUID().toString();
        return HttpRequest.newBuilder(baseUri.resolve(path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header(ClientSpans.CORRELATION_HEADER, headerValue(correlationId));
    }

    /**
     * The text as a header value: a correlation id is whatever a producer chose, and a character outside printable
     * ASCII (a line break above all) would make the request invalid; each such character is sent as {@code ?}.
     */
    static String headerValue(String text) {
        StringBuilder value = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                if (value == null) {
                    value = new StringBuilder(text);
                }
                value.setCharAt(i, '?');
            }
        }
        return value == null ? text : value.toString();
    }

    /** Sends the request; an answer becomes {@code onAnswer}'s outcome, a failure to reach the service {@code onUnreachable}'s. */
    public <T> CompletableFuture<T> send(HttpRequest request, Function<HttpResponse<Reading<String>>, T> onAnswer,
                                         Function<String, T> onUnreachable) {
        var span = spans.start(request);
        return http.send(ClientSpans.carrying(request, span)).handle((response, error) -> {
            if (error == null) {
                ClientSpans.answered(span, response.statusCode());
                return onAnswer.apply(response);
            }
            String cause = cause(error);
            ClientSpans.unreachable(span, cause);
            return onUnreachable.apply(cause);
        });
    }

    /**
     * {@link #send} on the calling thread, which waits for the outcome: for callers that are threads of their own. A
     * thread interrupted while it waits gets an {@link IllegalStateException}, and the call's span ends as unreachable.
     */
    public <T> T call(HttpRequest request, Function<HttpResponse<Reading<String>>, T> onAnswer, Function<String, T> onUnreachable) {
        var span = spans.start(request);
        HttpResponse<Reading<String>> response;
        try {
            response = http.call(ClientSpans.carrying(request, span));
        } catch (PooledHttp.UnreachableException e) {
            ClientSpans.unreachable(span, e.getMessage());
            return onUnreachable.apply(e.getMessage());
        } catch (RuntimeException interrupted) {
            ClientSpans.unreachable(span, String.valueOf(interrupted.getMessage()));
            throw interrupted;
        }
        ClientSpans.answered(span, response.statusCode());
        return onAnswer.apply(response);
    }

    /**
     * Sends the request behind {@code breaker}: while it is open the outcome is {@code whenOpen}'s without
     * a call; otherwise the outcome counts as an error of the service when {@code isFailure} says so.
     */
    public <T> CompletableFuture<T> send(HttpRequest request, Function<HttpResponse<Reading<String>>, T> onAnswer,
                                         Function<String, T> onUnreachable, CircuitBreaker breaker,
                                         Predicate<T> isFailure, Supplier<T> whenOpen) {
        if (!breaker.tryAcquirePermission()) {
            spans.refused(request);
            return CompletableFuture.completedFuture(whenOpen.get());
        }
        long started = System.nanoTime();
        return send(request, onAnswer, onUnreachable).thenApply(outcome -> {
            long nanos = System.nanoTime() - started;
            if (isFailure.test(outcome)) {
                breaker.onError(nanos, TimeUnit.NANOSECONDS, new ServiceFailure(String.valueOf(outcome)));
            } else {
                breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
            }
            return outcome;
        });
    }

    @Override
    public void close() {
        http.close();
    }

    private static String cause(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return String.valueOf(cause.getMessage());
    }

    private static final class ServiceFailure extends RuntimeException {
        ServiceFailure(String message) {
            super(message, null, false, false);
        }
    }
}
