package com.globeco.trading.operators.execution;

import com.globeco.trading.execution.ExecutionAnswer;
import com.globeco.trading.execution.ExecutionJson;
import com.globeco.trading.execution.ExecutionUpdate;

import com.globeco.trading.operators.http.ServiceCalls;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Client of the Execution Service whose calls complete as futures. Every call carries
 * {@code X-Correlation-ID} and a W3C {@code traceparent}; every outcome, including a timeout,
 * comes back as an answer.
 */
public final class ExecutionServiceClient implements ExecutionService {
    private final ServiceCalls calls;

    public ExecutionServiceClient(URI baseUri, Duration timeout, int concurrentCalls) {
        this.calls = new ServiceCalls("execution-service", baseUri, timeout, concurrentCalls);
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
        return calls.request("/api/v1/execution/" + executionId, correlationId);
    }

    private CompletableFuture<ExecutionAnswer> send(HttpRequest request) {
        return calls.send(request, ExecutionServiceClient::answer, ExecutionAnswer.Unreachable::new);
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

    @Override
    public void close() {
        calls.close();
    }
}
