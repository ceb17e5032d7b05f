package com.globeco.trading.operators.execution;

import com.globeco.trading.execution.ExecutionAnswer;
import com.globeco.trading.execution.ExecutionUpdate;

import java.util.concurrent.CompletableFuture;

/** The Execution Service as the confirmation operator uses it: every call completes with an answer, never an exception. */
public interface ExecutionService extends AutoCloseable {

    CompletableFuture<ExecutionAnswer> read(long executionId, String correlationId);

    CompletableFuture<ExecutionAnswer> write(long executionId, ExecutionUpdate update, String correlationId);

    @Override
    void close();
}
