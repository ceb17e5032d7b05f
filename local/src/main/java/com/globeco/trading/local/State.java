package com.globeco.trading.local;

import com.globeco.trading.savepoints.BootstrapPositions;
import com.globeco.trading.savepoints.InspectState;
import com.globeco.trading.savepoints.migration.MigrateState;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code ./platform state inspect ...} ({@link InspectState}), {@code ./platform state bootstrap-positions ...}
 * ({@link BootstrapPositions}) and {@code ./platform state migrate ...} ({@link MigrateState}): their output on the
 * terminal, Flink's log in {@code local-data/state.log}.
 */
public final class State {
    private State() {}

    public static void main(String[] args) throws Exception {
        PrintStream terminal = ConsoleAndLogFile.redirectStdoutTo(Path.of("local-data", "state.log"));
        if (args.length > 0 && args[0].equals("bootstrap-positions")) {
            BootstrapPositions.run(Arrays.copyOfRange(args, 1, args.length), terminal);
            System.exit(0);
        }
        if (args.length > 0 && args[0].equals("migrate")) {
            System.exit(MigrateState.run(args, terminal));
        }
        System.exit(InspectState.run(args, terminal));
    }
}
