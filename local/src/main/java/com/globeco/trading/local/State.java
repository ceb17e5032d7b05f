package com.globeco.trading.local;

import com.globeco.trading.savepoints.BootstrapPositions;
import com.globeco.trading.savepoints.InspectState;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code ./platform state inspect ...} ({@link InspectState}) and {@code ./platform state bootstrap-positions ...}
 * ({@link BootstrapPositions}): their output on the terminal, Flink's log in {@code local-data/state.log}.
 */
public final class State {
    private State() {}

    public static void main(String[] args) throws Exception {
        PrintStream terminal = ConsoleAndLogFile.redirectStdoutTo(Path.of("local-data", "state.log"));
        if (args.length > 0 && args[0].equals("bootstrap-positions")) {
            BootstrapPositions.run(Arrays.copyOfRange(args, 1, args.length), terminal);
            System.exit(0);
        }
        System.exit(InspectState.run(args, terminal));
    }
}
