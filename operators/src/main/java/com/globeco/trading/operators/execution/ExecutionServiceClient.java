package com.globeco.trading.operators.execution;

import com.globeco.trading.execution.ExecutionAnswer;
import com.globeco.trading.execution.ExecutionJson;
import com.globeco.trading.execution.ExecutionUpdate;

import com.globeco.trading.messages.Reading;
import com.globeco.trading.operators.http.AnswerLimit;
import com.globeco.trading.operators.http.ServiceCalls;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Client of the Execution Service whose calls complete as futures. Every call carries
 * {@code X-Correlation-ID} and a W3C {@code traceparent}; every outcome, including a timeout,
 * comes back as an answer. A 200's body is read strictly ({@link ExecutionJson}) up to the answer limit: one that is
 * too large, malformed or not the execution asked for is {@link ExecutionAnswer.Invalid}, with the reason.
 */
public final class ExecutionServiceClient implements ExecutionService {
    private final ServiceCalls calls;

    public ExecutionServiceClient(URI baseUri, Duration timeout, int concurrentCalls) {
        this(baseUri, timeout, concurrentCalls, AnswerLimit.DEFAULT);
    }

    public ExecutionServiceClient(URI baseUri, Duration timeout, int concurrentCalls, AnswerLimit answerLimit) {
        this.calls = new ServiceCalls("execution-service", baseUri, timeout, concurrentCalls, answerLimit);
    }

    public CompletableFuture<ExecutionAnswer> read(long executionId, String correlationId) {
        return send(executionId, request(executionId, correlationId).GET().build());
    }

    public CompletableFuture<ExecutionAnswer> write(long executionId, ExecutionUpdate update, String correlationId) {
        String body = ExecutionJson.writeUpdate(update);
        return send(executionId, request(executionId, correlationId)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private HttpRequest.Builder request(long executionId, String correlationId) {
        return calls.request("/api/v1/execution/" + executionId, correlationId);
    }

    private CompletableFuture<ExecutionAnswer> send(long executionId, HttpRequest request) {
        return calls.send(request, response -> answer(executionId, response), ExecutionAnswer.Unreachable::new);
    }

    private static ExecutionAnswer answer(long executionId, HttpResponse<Reading<String>> response) {
        int status = response.statusCode();
        if (status == 200) {
            return response.body().then(body -> ExecutionJson.readExecution(body, executionId))
                    .fold(ExecutionAnswer.Found::new, reason -> new ExecutionAnswer.Invalid(status, reason));
        }
        if (status == 404) {
            return new ExecutionAnswer.NotFound();
        }
        return new ExecutionAnswer.Refused(status, response.body().fold(body -> body, tooLarge -> tooLarge));
    }

    @Override
    public void close() {
        calls.close();
    }
}
