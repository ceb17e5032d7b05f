package com.globeco.trading.operations.breaks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/** What {@code ./platform breaks} is asked to do: its words (after the subcommand) and the options it takes. */
enum Subcommand {
    LIST(0, 0, Set.of("--severity", "--older-than", "--position", "--status", "--all")),
    SHOW(1, 1, Set.of()),
    ASSIGN(2, 2, Set.of("--note", "--as")),
    INVESTIGATE(1, 1, Set.of("--note", "--as")),
    /** The note's words may come unquoted: they are joined. */
    NOTE(2, Integer.MAX_VALUE, Set.of("--as")),
    RESOLVE(1, 1, Set.of("--note", "--as")),
    CLOSE(1, 1, Set.of("--note", "--as")),
    REOPEN(1, 1, Set.of("--note", "--as"));

    /** The options that are flags; every other option takes a value. */
    static final Set<String> FLAGS = Set.of("--all");

    private final int minimumWords;
    private final int maximumWords;
    private final Set<String> options;

    Subcommand(int minimumWords, int maximumWords, Set<String> options) {
        this.minimumWords = minimumWords;
        this.maximumWords = maximumWords;
        this.options = options;
    }

    static Subcommand named(String name) {
        return Arrays.stream(values()).filter(subcommand -> subcommand.word().equals(name)).findFirst()
                .orElseThrow(() -> new UsageError("unknown command " + name));
    }

    String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean takes(String option) {
        return options.contains(option);
    }

    boolean takesWords(int count) {
        return count >= minimumWords && count <= maximumWords;
    }
}
