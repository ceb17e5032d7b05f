package com.globeco.trading.operators.reconciliation.tickets;

import com.globeco.trading.operators.sinks.ReconciliationBreakStatement;
import com.globeco.trading.positions.ReconciliationBreak;
import com.globeco.trading.positions.ReconciliationBreak.Severity;
import com.globeco.trading.schema.DatabaseRole;
import com.globeco.trading.schema.Migrations;
import com.globeco.trading.testkit.LocalPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded Postgres for the ticket tests, with a freshly migrated database for each test ({@link #fresh()}): steps
 * cannot be deleted, and a run's automatic resolution looks at every ticket. Breaks are recorded as a run records them;
 * connections are made as a role.
 */
final class TicketDatabase implements AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final LocalPostgres postgres;
    private String url;

    private TicketDatabase(LocalPostgres postgres) {
        this.postgres = postgres;
    }

    static TicketDatabase start() {
        return new TicketDatabase(LocalPostgres.start(LocalPostgres.Durability.FAST));
    }

    /** A new database, migrated; the connections made from now on are to it. */
    void fresh() throws SQLException {
        String name = "tickets_" + DATABASES.incrementAndGet();
        try (Connection admin = postgres.dataSource().getConnection(); Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        }
        url = "jdbc:postgresql://localhost:" + postgres.port() + "/" + name;
        Migrations.apply(url, postgres.user(), postgres.password());
    }

    /** The embedded server trusts local connections: the role alone decides what is allowed. */
    Connection connectAs(DatabaseRole role) throws SQLException {
        return DriverManager.getConnection(url, role.roleName(), "unused");
    }

    Connection connectAsSuperuser() throws SQLException {
        return DriverManager.getConnection(url, postgres.user(), postgres.password());
    }

    /** A break run {@code runId} found, recorded by the reconciliation's own sink statement. */
    void recordBreak(String runId, String positionKey, String kind, Severity severity, String expected, String actual, Instant detectedAt)
            throws SQLException {
        recordBreak(runId + ":" + positionKey + ":" + kind, runId, positionKey, kind, severity, expected, actual, detectedAt);
    }

    void recordBreak(String breakId, String runId, String positionKey, String kind, Severity severity, String expected, String actual,
                     Instant detectedAt) throws SQLException {
        ReconciliationBreakStatement sink = new ReconciliationBreakStatement();
        try (Connection connection = connectAs(DatabaseRole.POSITION_RECONCILIATION); PreparedStatement insert = connection.prepareStatement(sink.query())) {
            sink.statement(insert, new ReconciliationBreak(breakId, runId, positionKey, kind, severity, expected, actual, detectedAt.toEpochMilli()));
            insert.executeUpdate();
        }
    }

    @Override
    public void close() {
        postgres.close();
    }
}
