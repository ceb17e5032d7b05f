package com.globeco.trading.schema;

import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the migrations to a real database:
 * {@code java -cp schema.jar com.globeco.trading.schema.Migrate jdbc:postgresql://host/db user}
 * with the password in {@code PGPASSWORD}.
 */
public final class Migrate {
    private Migrate() {}

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: Migrate <jdbc-url> <user>   (password from PGPASSWORD)");
            System.exit(2);
        }
        String password = System.getenv().getOrDefault("PGPASSWORD", "");
        MigrateResult result = Migrations.apply(args[0], args[1], password);
        System.out.printf("schema at version %s (%d migrations applied)%n",
                result.targetSchemaVersion, result.migrationsExecuted);
    }
}
