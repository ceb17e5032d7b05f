package com.globeco.trading.operators.sinks;

import com.globeco.trading.schema.DatabaseRole;
import com.globeco.trading.schema.Migrations;
import com.globeco.trading.schema.RolePasswords;
import com.globeco.trading.testkit.LocalPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations run as the schema's owner, no superuser, set up as k8s-operator/README.md ("Privileges") says: a role
 * that may create roles and owns the database. It creates the job roles and sets their passwords.
 */
class OwnerMigrationTest {
    private static final String OWNER = "trade_lifecycle_owner";

    @Test
    void theOwnerMigratesAndSetsThePasswordsWithoutBeingSuperuser() throws SQLException {
        try (LocalPostgres postgres = LocalPostgres.start(LocalPostgres.Durability.FAST)) {
            try (Connection superuser = postgres.dataSource().getConnection(); Statement bootstrap = superuser.createStatement()) {
                bootstrap.execute("CREATE ROLE " + OWNER + " LOGIN CREATEROLE");
                bootstrap.execute("CREATE DATABASE trade_lifecycle OWNER " + OWNER);
            }
            String url = "jdbc:postgresql://localhost:" + postgres.port() + "/trade_lifecycle";

            int pending = Flyway.configure().locations("classpath:db/migration").dataSource(url, OWNER, "unused").load().info().pending().length;
            assertThat(pending).isPositive();
            assertThat(Migrations.apply(url, OWNER, "unused").migrationsExecuted).as("every migration").isEqualTo(pending);
            try (Connection owner = DriverManager.getConnection(url, OWNER, "unused")) {
                assertThat(isSuperuser(owner)).isFalse();
                assertThat(RolePasswords.set(owner, Map.of(DatabaseRole.TRADE_HOTPATH.passwordVariable(), "s3cret")).stream())
                        .containsExactly(DatabaseRole.TRADE_HOTPATH);
            }
            try (Connection hotpath = DriverManager.getConnection(url, DatabaseRole.TRADE_HOTPATH.roleName(), "unused");
                 Statement statement = hotpath.createStatement()) {
                statement.execute("INSERT INTO event_store (position_key, event_ver, event_type, payload) VALUES ('P', 1, 'X', '{}')");
            }
        }
    }

    private static boolean isSuperuser(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement(); ResultSet row = query.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            row.next();
            return row.getBoolean(1);
        }
    }
}
