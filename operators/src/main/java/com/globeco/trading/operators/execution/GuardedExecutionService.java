package com.globeco.trading.operators.execution;

import com.globeco.trading.confirmation.ConfirmationProcess;
import com.globeco.trading.execution.ExecutionAnswer;
import com.globeco.trading.execution.ExecutionUpdate;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * An Execution Service behind a circuit breaker: while it is open a call answers
 * {@link ExecutionAnswer.CircuitOpen} at once; otherwise every answer is counted as a success or a
 * failure of the service (a PUT's 500 is the real service's version conflict, not a failure).
 */
public final class GuardedExecutionService implements ExecutionService {
    private final ExecutionService service;
    private final CircuitBreaker breaker;

    public GuardedExecutionService(ExecutionService service, CircuitBreaker breaker) {
        this.service = service;
        this.breaker = breaker;
    }

    @Override
    public CompletableFuture<ExecutionAnswer> read(long executionId, String correlationId) {
        return guarded(() -> service.read(executionId, correlationId), false);
    }

    @Override
    public CompletableFuture<ExecutionAnswer> write(long executionId, ExecutionUpdate update, String correlationId) {
        return guarded(() -> service.write(executionId, update, correlationId), true);
    }

    @Override
    public void close() {
        service.close();
    }

    private CompletableFuture<ExecutionAnswer> guarded(Supplier<CompletableFuture<ExecutionAnswer>> call, boolean write) {
        if (!breaker.tryAcquirePermission()) {
            return CompletableFuture.completedFuture(new ExecutionAnswer.CircuitOpen());
        }
        long started = System.nanoTime();
        return call.get().thenApply(answer -> {
            long nanos = System.nanoTime() - started;
            if (ConfirmationProcess.isServiceFailure(answer, write)) {
                breaker.onError(nanos, TimeUnit.NANOSECONDS, new ServiceFailure(answer.toString()));
            } else {
                breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
            }
            return answer;
        });
    }

    private static final class ServiceFailure extends RuntimeException {
        ServiceFailure(String message) {
            super(message, null, false, false);
        }
    }
}
