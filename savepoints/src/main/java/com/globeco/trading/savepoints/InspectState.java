package com.globeco.trading.savepoints;

import org.apache.flink.configuration.Configuration;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code ./platform state inspect <job> <savepoint-or-checkpoint> [<key>]}: the job's keyed state as JSON
 * lines, one a key, sorted, and their count; with a key, that key's line only. Jobs: trade-hotpath,
 * fill-confirmation, allocation, backdated-coldpath.
 */
public final class InspectState {
    private InspectState() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    /** @return the exit status: 0, or 2 for a wrong command line */
    public static int run(String[] args, PrintStream out) throws Exception {
        if (args.length < 3 || !args[0].equals("inspect")) {
            System.err.println("usage: state inspect <job> <savepoint-or-checkpoint-path> [<key>]");
            return 2;
        }
        JobState state = JobState.of(args[1]);
        List<String> rows = state.rows(ConfirmationSavepoint.readerEnvironment(new Configuration()), args[2]);
        List<String> shown = args.length > 3 ? rows.stream().filter(row -> keyOf(row).equals(args[3])).toList() : rows;
        shown.forEach(out::println);
        System.err.printf("%d of %d keys of %s%n", shown.size(), rows.size(), state.job());
        return 0;
    }

    /** A row's key: its first field. */
    private static String keyOf(String row) {
        try {
            return StateJson.JSON.readTree(row).elements().next().asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
