package com.globeco.trading.operations.breaks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A subcommand's words and options, checked against what it takes. */
record CommandLine(Subcommand subcommand, List<String> words, Map<String, String> options) {

    static CommandLine parse(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageError("give a command");
        }
        Subcommand subcommand = Subcommand.named(args.get(0));
        List<String> words = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int at = 1; at < args.size(); at++) {
            String arg = args.get(at);
            if (!arg.startsWith("--")) {
                words.add(arg);
                continue;
            }
            if (!subcommand.takes(arg)) {
                throw new UsageError(subcommand.word() + " takes no option " + arg);
            }
            if (Subcommand.FLAGS.contains(arg)) {
                options.put(arg, "");
            } else if (at + 1 < args.size()) {
                options.put(arg, args.get(++at));
            } else {
                throw new UsageError(arg + " needs a value");
            }
        }
        if (!subcommand.takesWords(words.size())) {
            throw new UsageError(subcommand.word() + " does not take " + (words.isEmpty() ? "no arguments" : words));
        }
        return new CommandLine(subcommand, words, options);
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    boolean has(String flag) {
        return options.containsKey(flag);
    }

    /** The first word: a ticket's id. */
    long ticketId() {
        try {
            return Long.parseLong(words.get(0));
        } catch (NumberFormatException notANumber) {
            throw new UsageError("a ticket id is a number, not " + words.get(0));
        }
    }

    /** The words after the ticket's id, joined. */
    String rest() {
        return String.join(" ", words.subList(1, words.size()));
    }
}
