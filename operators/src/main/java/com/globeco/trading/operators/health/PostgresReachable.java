package com.globeco.trading.operators.health;

import com.globeco.trading.health.DependencyState;
import com.globeco.trading.operators.sinks.PostgresSettings;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database answers {@code SELECT 1} on a new connection, made as the job makes its own (the same URL, login and
 * {@link com.globeco.trading.operators.sinks.PostgresTimeouts}): a server that is down, refuses the login or hangs
 * fails the check.
 */
public final class PostgresReachable implements DependencyCheck {
    public static final String DEPENDENCY = "postgres";

    private final PostgresSettings database;

    public PostgresReachable(PostgresSettings database) {
        this.database = database;
    }

    @Override
    public String dependency() {
        return DEPENDENCY;
    }

    @Override
    public DependencyState check() {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) database.timeouts().connect().toSeconds());
            statement.execute("SELECT 1");
            return DependencyState.up(DEPENDENCY, "SELECT 1 answered");
        } catch (SQLException e) {
            return DependencyState.down(DEPENDENCY, Failures.reason(e));
        }
    }
}
