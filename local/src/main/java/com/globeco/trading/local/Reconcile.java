package com.globeco.trading.local;

import com.globeco.trading.jobs.PositionReconciliationJob;
import com.globeco.trading.jobs.PositionReconciliationOptions;
import com.globeco.trading.jobs.ReconciliationRun;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code ./platform reconcile}: one reconciliation run on a local MiniCluster against the database of
 * {@code --postgres.url} (or {@code POSTGRES_URL}); the summary and the breaks on the terminal, Flink's
 * log in {@code local-data/reconcile.log}.
 */
public final class Reconcile {
    private Reconcile() {}

    public static void main(String[] args) throws Exception {
        PrintStream terminal = ConsoleAndLogFile.redirectStdoutTo(Path.of("local-data", "reconcile.log"));
        PositionReconciliationOptions options = PositionReconciliationOptions.from(args);
        ReconciliationRun.Summary summary = PositionReconciliationJob.run(StreamExecutionEnvironment.getExecutionEnvironment(), options);
        summary.print(terminal);
        System.exit(0);
    }
}
