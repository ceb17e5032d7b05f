package com.globeco.trading.testkit.fills;

import java.net.URI;

import com.globeco.trading.testkit.execution.ExecutionServiceSimulator;
import com.globeco.trading.testkit.execution.NewExecution;

/** Where the fill generator creates its executions; returns the id the Execution Service assigned. */
@FunctionalInterface
public interface ExecutionRegistry {

    long create(NewExecution spec);

    static ExecutionRegistry inProcess(ExecutionServiceSimulator simulator) {
        return simulator::createExecution;
    }

    /** Creates executions with {@code POST /api/v1/executions} on a simulator or a real Execution Service. */
    static ExecutionRegistry overHttp(URI baseUri) {
        return new HttpExecutionRegistry(baseUri);
    }
}
