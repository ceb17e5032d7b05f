package com.globeco.trading.savepoints;

import org.apache.flink.configuration.Configuration;

import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./platform state inspect <job> <savepoint-or-checkpoint> [<key>] [--format json|table] [--as-of <instant>]}: the
 * job's keyed state, one key a JSON line (sorted) or an aligned table with each position's lots under it; on standard
 * error, how many keys were shown of how many. With a key, that key's only. State with a time-to-live is shown as a job
 * restored now would see it, or restored at {@code --as-of} (e.g. the time the savepoint was taken). Jobs: trade-hotpath,
 * fill-confirmation, allocation, backdated-coldpath, regulatory-reporting.
 */
public final class InspectState {
    private static final String USAGE =
            "usage: state inspect <job> <savepoint-or-checkpoint-path> [<key>] [--format json|table] [--as-of <ISO instant>]";

    private InspectState() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    /** @return the exit status: 0, or 2 for a wrong command line */
    public static int run(String[] args, PrintStream out) throws Exception {
        List<String> positional = new ArrayList<>();
        String format = "json";
        Instant asOf = Instant.now();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--format") && i + 1 < args.length) {
                format = args[++i];
            } else if (args[i].equals("--as-of") && i + 1 < args.length) {
                try {
                    asOf = Instant.parse(args[++i]);
                } catch (DateTimeParseException e) {
                    System.err.println(USAGE);
                    return 2;
                }
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.size() < 3 || positional.size() > 4 || !positional.get(0).equals("inspect") || !List.of("json", "table").contains(format)) {
            System.err.println(USAGE);
            return 2;
        }
        JobState state = JobState.of(positional.get(1));
        List<String> rows = state.rows(ConfirmationSavepoint.readerEnvironment(new Configuration()), positional.get(2), asOf);
        List<String> shown = positional.size() == 4 ? rows.stream().filter(row -> keyOf(row).equals(positional.get(3))).toList() : rows;
        (format.equals("table") ? StateTable.render(shown) : shown).forEach(out::println);
        System.err.printf("%d of %d keys of %s, time-to-live judged at %s%n", shown.size(), rows.size(), state.job(), asOf);
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
