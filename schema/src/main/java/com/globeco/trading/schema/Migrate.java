package com.globeco.trading.schema;

import org.flywaydb.core.api.output.MigrateResult;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Applies the migrations to a real database:
 * {@code java -cp schema.jar com.globeco.trading.schema.Migrate jdbc:postgresql://host/db user}
 * with the password in {@code PGPASSWORD}, then sets the password of each job's role given in its variable
 * ({@link DatabaseRole#passwordVariable()}, e.g. {@code FLINK_TRADE_HOTPATH_PASSWORD}).
 */
public final class Migrate {
    private Migrate() {}

    public static void main(String[] args) throws SQLException {
        if (args.length < 2) {
            System.err.println("usage: Migrate <jdbc-url> <user>   (password from PGPASSWORD, the job roles' from FLINK_*_PASSWORD)");
            System.exit(2);
        }
        Map<String, String> environment = System.getenv();
        String password = environment.getOrDefault("PGPASSWORD", "");
        MigrateResult result = Migrations.apply(args[0], args[1], password);
        System.out.printf("schema at version %s (%d migrations applied)%n",
                result.targetSchemaVersion, result.migrationsExecuted);
        try (Connection connection = DriverManager.getConnection(args[0], args[1], password)) {
            List<DatabaseRole> set = RolePasswords.set(connection, environment);
            System.out.printf("passwords set for %s%n", set.isEmpty() ? "no role" : set.stream().map(DatabaseRole::roleName).toList());
        }
    }
}
