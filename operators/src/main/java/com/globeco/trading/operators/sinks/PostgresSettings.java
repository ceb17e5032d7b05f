package com.globeco.trading.operators.sinks;

import org.postgresql.xa.PGXADataSource;

import javax.sql.XADataSource;
import java.io.Serializable;

/** Where a job's Postgres is. */
public record PostgresSettings(String jdbcUrl, String user, String password) implements Serializable {

    public XADataSource xaDataSource() {
        PGXADataSource dataSource = new PGXADataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    @Override
    public String toString() {
        return "PostgresSettings[" + jdbcUrl + " as " + user + "]";
    }
}
