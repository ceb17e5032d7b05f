package com.globeco.trading.operators.execution;

import com.globeco.trading.execution.ExecutionAnswer;
import com.globeco.trading.execution.ExecutionJson;
import com.globeco.trading.execution.ExecutionUpdate;
import com.globeco.trading.fills.CorrelationIds;
import com.globeco.trading.operators.http.PooledHttp;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Client of the Execution Service whose calls complete as futures. Every call carries
 * {@code X-Correlation-ID} and a W3C {@code traceparent}; every outcome, including a timeout,
 * comes back as an answer.
 */
public final class ExecutionServiceClient implements AutoCloseable {
    private final URI baseUri;
    private final Duration timeout;
    private final PooledHttp http;
    private final AtomicLong spans = new AtomicLong();

    public ExecutionServiceClient(URI baseUri, Duration timeout, int concurrentCalls) {
        this.baseUri = baseUri;
        this.timeout = timeout;
        this.http = new PooledHttp("execution-service-call", timeout, concurrentCalls);
    }

    public CompletableFuture<ExecutionAnswer> read(long executionId, String correlationId) {
        return send(request(executionId, correlationId).GET().build());
    }

    public CompletableFuture<ExecutionAnswer> write(long executionId, ExecutionUpdate update, String correlationId) {
        String body = ExecutionJson.writeUpdate(update);
        return send(request(executionId, correlationId)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private HttpRequest.Builder request(long executionId, String correlationId) {
        return HttpRequest.newBuilder(baseUri.resolve("/api/v1/execution/" + executionId))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("X-Correlation-ID", correlationId)
                .header("traceparent", CorrelationIds.traceparent(correlationId, spans.incrementAndGet()));
    }

    private CompletableFuture<ExecutionAnswer> send(HttpRequest request) {
        return http.send(request).handle((response, error) -> error == null ? answer(response) : unreachable(error));
    }

    private static ExecutionAnswer answer(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 200) {
            try {
                return new ExecutionAnswer.Found(ExecutionJson.readExecution(response.body()));
            } catch (IllegalArgumentException e) {
                return new ExecutionAnswer.Refused(status, "unreadable body: " + e.getMessage());
            }
        }
        if (status == 404) {
            return new ExecutionAnswer.NotFound();
        }
        return new ExecutionAnswer.Refused(status, response.body());
    }

    private static ExecutionAnswer unreachable(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return new ExecutionAnswer.Unreachable(cause.getMessage());
    }

    @Override
    public void close() {
        http.close();
    }
}
