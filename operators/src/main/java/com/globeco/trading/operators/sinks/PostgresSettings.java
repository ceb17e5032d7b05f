package com.globeco.trading.operators.sinks;

import org.postgresql.ds.PGSimpleDataSource;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;

/** Where a job's Postgres is. */
public record PostgresSettings(String jdbcUrl, String user, String password) implements Serializable {

    /** A new connection, through the driver of this class's loader (a job jar's own, not the JVM's registry). */
    public Connection connect() throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource.getConnection();
    }

    @Override
    public String toString() {
        return "PostgresSettings[" + jdbcUrl + " as " + user + "]";
    }
}
