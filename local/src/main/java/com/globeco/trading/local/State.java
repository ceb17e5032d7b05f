package com.globeco.trading.local;

import com.globeco.trading.savepoints.InspectState;

import java.io.PrintStream;
import java.nio.file.Path;

/** {@code ./platform state ...}: {@link InspectState} with the JSON lines on the terminal and Flink's log in {@code local-data/state.log}. */
public final class State {
    private State() {}

    public static void main(String[] args) throws Exception {
        PrintStream terminal = ConsoleAndLogFile.redirectStdoutTo(Path.of("local-data", "state.log"));
        System.exit(InspectState.run(args, terminal));
    }
}
