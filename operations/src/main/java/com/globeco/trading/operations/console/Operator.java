package com.globeco.trading.operations.console;

import com.globeco.trading.operators.sinks.PostgresSettings;

import java.util.Map;

/** Who runs a command-line tool and how it reaches the database, from its environment. */
public final class Operator {
    private Operator() {}

    /** Who acts unless {@code --as} says: {@code GLOBECO_USER}, else the operating system's user. */
    public static String actor(Map<String, String> environment) {
        String user = environment.get("GLOBECO_USER");
        return user == null || user.isBlank() ? System.getProperty("user.name") : user;
    }

    /** The database as {@code ./platform audit} reaches it: {@code POSTGRES_URL}, {@code POSTGRES_USER}, {@code POSTGRES_PASSWORD}. */
    public static PostgresSettings database(Map<String, String> environment) {
        return new PostgresSettings(environment.getOrDefault("POSTGRES_URL", "jdbc:postgresql://localhost:5432/postgres"),
                environment.getOrDefault("POSTGRES_USER", "postgres"), environment.getOrDefault("POSTGRES_PASSWORD", ""));
    }
}
