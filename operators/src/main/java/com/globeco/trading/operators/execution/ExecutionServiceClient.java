package com.globeco.trading.operators.execution;

import com.globeco.trading.execution.ExecutionAnswer;
import com.globeco.trading.execution.ExecutionJson;
import com.globeco.trading.execution.ExecutionUpdate;
import com.globeco.trading.fills.CorrelationIds;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Client of the Execution Service whose calls complete as futures. Every call carries
 * {@code X-Correlation-ID} and a W3C {@code traceparent}; every outcome, including a timeout,
 * comes back as an answer.
 *
 * <p>Calls block threads of a pool as large as the concurrency limit, and the client runs its
 * own steps on the thread at hand instead of handing them to worker threads. The JDK client's
 * {@code sendAsync} hands each response to the common fork-join pool, which on a machine with
 * two cores or fewer starts a new thread per response.
 */
public final class ExecutionServiceClient implements AutoCloseable {
    private final URI baseUri;
    private final Duration timeout;
    private final ExecutorService callers;
    private final HttpClient http;
    private final AtomicLong spans = new AtomicLong();

    public ExecutionServiceClient(URI baseUri, Duration timeout, int concurrentCalls) {
        this.baseUri = baseUri;
        this.timeout = timeout;
        this.callers = Executors.newFixedThreadPool(concurrentCalls, runnable -> {
            Thread thread = new Thread(runnable, "execution-service-call");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Runnable::run)
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
        return CompletableFuture.supplyAsync(() -> call(request), callers);
    }

    private ExecutionAnswer call(HttpRequest request) {
        try {
            return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable(e);
        } catch (IOException | RuntimeException e) {
            return unreachable(e);
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
        return new ExecutionAnswer.Unreachable(error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + error.getMessage()));
    }

    @Override
    public void close() {
        callers.shutdownNow();
    }
}
