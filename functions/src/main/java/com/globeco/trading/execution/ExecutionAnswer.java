package com.globeco.trading.execution;

/** How one call to the Execution Service ended. */
public sealed interface ExecutionAnswer {

    /** 200 with the execution as it now stands. */
    record Found(ExecutionState execution) implements ExecutionAnswer {}

    /** 404: the execution does not exist. */
    record NotFound() implements ExecutionAnswer {}

    /**
     * 200 with a body the strict reader refused: too large, empty, malformed, or not the execution asked for.
     * {@code reason} says why; nothing in the body is used.
     */
    record Invalid(int status, String reason) implements ExecutionAnswer {}

    /** Any other HTTP status. The real service answers a stale PUT version with 500. */
    record Refused(int status, String body) implements ExecutionAnswer {}

    /** No HTTP answer: connection refused, reset or timed out. */
    record Unreachable(String error) implements ExecutionAnswer {}

    /** No call made: the service's circuit breaker is open. */
    record CircuitOpen() implements ExecutionAnswer {}
}
