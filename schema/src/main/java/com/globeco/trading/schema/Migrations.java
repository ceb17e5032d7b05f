package com.globeco.trading.schema;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;

/** The platform's database schema, applied by Flyway from {@code db/migration}. */
public final class Migrations {
    private Migrations() {}

    public static MigrateResult apply(DataSource dataSource) {
        return configure().dataSource(dataSource).load().migrate();
    }

    public static MigrateResult apply(String jdbcUrl, String user, String password) {
        return configure().dataSource(jdbcUrl, user, password).load().migrate();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration configure() {
        return Flyway.configure().locations("classpath:db/migration").failOnMissingLocations(true);
    }
}
