package com.globeco.trading.schema.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code ./platform audit} is asked: the query, how its rows are written and where. Instants are ISO-8601 with
 * their zone ({@code 2025-06-02T00:00:00Z}, or an offset), read strictly; anything else is a {@link UsageError}.
 */
record AuditCommandLine(AuditQuery query, ExportFormat format, Optional<Path> out) {
    static final String USAGE = """
            usage: audit position <key> | correlation <id> | between <from> <to> | user <user-id> [--from <from>] [--to <to>]
                   audit trail <position-key> | trail --correlation <id> | trail --between <from> <to>
                   any of them [--export csv|jsonl] [--out <file>]
                   (instants ISO-8601 with a zone, e.g. 2025-06-02T00:00:00Z; from inclusive, to exclusive)""";
    /** The options and how many values each takes. */
    private static final Map<String, Integer> OPTIONS = Map.of("--export", 1, "--out", 1, "--from", 1, "--to", 1,
            "--correlation", 1, "--between", 2);
    private static final Set<String> OUTPUT = Set.of("--export", "--out");
    private static final Set<String> USER = Set.of("--export", "--out", "--from", "--to");
    private static final Set<String> TRAIL = Set.of("--export", "--out", "--correlation", "--between");

    static AuditCommandLine parse(List<String> args) {
        Arguments arguments = Arguments.split(args);
        AuditQuery query = switch (arguments.query()) {
            case "position" -> AuditQuery.position(arguments.taking(OUTPUT).words(1).get(0));
            case "correlation" -> AuditQuery.correlation(arguments.taking(OUTPUT).words(1).get(0));
            case "between" -> AuditQuery.between(range(arguments.taking(OUTPUT).words(2)));
            case "user" -> AuditQuery.user(arguments.taking(USER).words(1).get(0),
                    range(arguments.option("--from").map(AuditCommandLine::instant), arguments.option("--to").map(AuditCommandLine::instant)));
            case "trail" -> trail(arguments.taking(TRAIL));
            default -> throw new UsageError("no query " + arguments.query());
        };
        ExportFormat format = arguments.option("--export").map(name -> ExportFormat.exportNamed(name)
                .orElseThrow(() -> new UsageError("--export is csv or jsonl, not " + name))).orElse(ExportFormat.TABLE);
        return new AuditCommandLine(query, format, arguments.option("--out").map(Path::of));
    }

    /** The trail of a position (its key as the one word), of a correlation id, or of a period: exactly one of them. */
    private static AuditQuery trail(Arguments arguments) {
        Optional<String> correlation = arguments.option("--correlation");
        List<String> between = arguments.values("--between");
        int asked = arguments.wordCount() + (correlation.isPresent() ? 1 : 0) + (between.isEmpty() ? 0 : 1);
        if (asked != 1 || arguments.wordCount() > 1) {
            throw new UsageError("trail takes a position key, --correlation <id> or --between <from> <to>: one of them");
        }
        if (correlation.isPresent()) {
            return AuditQuery.trailOfCorrelation(correlation.get());
        }
        if (!between.isEmpty()) {
            return AuditQuery.trailBetween(range(between));
        }
        return AuditQuery.trailOfPosition(arguments.words(1).get(0));
    }

    private static TimeRange range(List<String> fromAndTo) {
        return range(Optional.of(instant(fromAndTo.get(0))), Optional.of(instant(fromAndTo.get(1))));
    }

    private static TimeRange range(Optional<Instant> from, Optional<Instant> to) {
        try {
            return new TimeRange(from, to);
        } catch (IllegalArgumentException backwards) {
            throw new UsageError(backwards.getMessage());
        }
    }

    static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            throw new UsageError("not an instant: " + text + " (ISO-8601 with a zone, e.g. 2025-06-02T00:00:00Z)");
        }
    }

    /** The query's name, its words and its options with their values, as given. */
    private record Arguments(String query, List<String> words, Map<String, List<String>> options) {

        static Arguments split(List<String> args) {
            if (args.isEmpty()) {
                throw new UsageError("give a query");
            }
            List<String> words = new ArrayList<>();
            Map<String, List<String>> options = new LinkedHashMap<>();
            for (int at = 1; at < args.size(); at++) {
                String arg = args.get(at);
                if (!arg.startsWith("--")) {
                    words.add(arg);
                    continue;
                }
                Integer count = OPTIONS.get(arg);
                if (count == null) {
                    throw new UsageError("no option " + arg);
                }
                if (at + count >= args.size()) {
                    throw new UsageError(arg + " needs " + (count == 1 ? "a value" : count + " values"));
                }
                if (options.put(arg, List.copyOf(args.subList(at + 1, at + 1 + count))) != null) {
                    throw new UsageError(arg + " given twice");
                }
                at += count;
            }
            return new Arguments(args.get(0), words, options);
        }

        /** These arguments, if they have none but the given options. */
        Arguments taking(Set<String> allowed) {
            for (String option : options.keySet()) {
                if (!allowed.contains(option)) {
                    throw new UsageError(query + " takes no option " + option);
                }
            }
            return this;
        }

        /** The words, if there are {@code count} of them. */
        List<String> words(int count) {
            if (words.size() != count) {
                throw new UsageError(query + " takes " + count + (count == 1 ? " argument" : " arguments") + ", not " + words);
            }
            return words;
        }

        int wordCount() {
            return words.size();
        }

        Optional<String> option(String name) {
            return Optional.ofNullable(options.get(name)).map(values -> values.get(0));
        }

        List<String> values(String name) {
            return options.getOrDefault(name, List.of());
        }
    }
}
