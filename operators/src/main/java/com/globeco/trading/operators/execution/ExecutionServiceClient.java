package com.globeco.trading.operators.execution;

import com.globeco.trading.execution.ExecutionAnswer;
import com.globeco.trading.execution.ExecutionJson;
import com.globeco.trading.execution.ExecutionUpdate;
import com.globeco.trading.fills.CorrelationIds;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Non-blocking client of the Execution Service. Every call carries {@code X-Correlation-ID}
 * and a W3C {@code traceparent}; every outcome, including a timeout, comes back as an answer.
 */
public final class ExecutionServiceClient implements AutoCloseable {
    private final URI baseUri;
    private final Duration timeout;
    private final ExecutorService callbacks;
    private final HttpClient http;
    private final AtomicLong spans = new AtomicLong();

    public ExecutionServiceClient(URI baseUri, Duration timeout) {
        this.baseUri = baseUri;
        this.timeout = timeout;
        this.callbacks = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "execution-service-client");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(callbacks)
                .connectTimeout(timeout)
                .build();
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
        try {
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((response, error) -> error == null ? answer(response) : unreachable(error));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(unreachable(e));
        }
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
        return new ExecutionAnswer.Unreachable(cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }

    @Override
    public void close() {
        callbacks.shutdownNow();
    }
}
