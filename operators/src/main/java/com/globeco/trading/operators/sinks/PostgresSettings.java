package com.globeco.trading.operators.sinks;

import org.postgresql.ds.PGSimpleDataSource;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;

/** Where a job's Postgres is, and how long the job waits on it. */
public record PostgresSettings(String jdbcUrl, String user, String password, PostgresTimeouts timeouts) implements Serializable {

    public PostgresSettings(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, PostgresTimeouts.DEFAULTS);
    }

    /** The URL every connection is made with: the configured one and the {@link PostgresTimeouts}. */
    public String url() {
        return timeouts.appliedTo(jdbcUrl);
    }

    /** A new connection, through the driver of this class's loader (a job jar's own, not the JVM's registry). */
    public Connection connect() throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url());
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource.getConnection();
    }

    @Override
    public String toString() {
        return "PostgresSettings[" + jdbcUrl + " as " + user + "]";
    }
}
