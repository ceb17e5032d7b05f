package com.globeco.trading.savepoints;

import com.globeco.trading.operators.fills.ConfirmationSettings;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * Prints, as CSV, every execution the fill-confirmation job holds state for in a savepoint:
 * {@code flink run -c com.globeco.trading.savepoints.InspectConfirmationState savepoints.jar <savepoint-path>}.
 * Executions with an active fill or waiting fills were being confirmed when the savepoint was taken.
 */
public final class InspectConfirmationState {
    private InspectConfirmationState() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: InspectConfirmationState <savepoint-or-checkpoint-path>");
            System.exit(2);
        }
        StreamExecutionEnvironment env = ConfirmationSavepoint.readerEnvironment(new Configuration());
        System.out.println(ExecutionStateView.csvHeader());
        try (CloseableIterator<ExecutionStateView> executions = ConfirmationSavepoint
                .executions(env, args[0], ConfirmationSettings.defaults(null).ledgerTtl())
                .executeAndCollect("inspect fill-confirmation state")) {
            executions.forEachRemaining(execution -> System.out.println(execution.csv()));
        }
    }
}
