package com.globeco.trading.operators.execution;

import com.globeco.trading.operators.http.AnswerLimit;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;

/** How a confirmation operator reaches the Execution Service, chosen where the job is wired and shipped with the operator. */
@FunctionalInterface
public interface ExecutionServices extends Serializable {

    ExecutionService connect(URI baseUri, Duration timeout, int concurrentCalls, AnswerLimit answerLimit);

    /** The real service over HTTP. */
    static ExecutionServices http() {
        return ExecutionServiceClient::new;
    }
}
