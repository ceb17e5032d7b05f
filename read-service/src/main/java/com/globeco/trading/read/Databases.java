package com.globeco.trading.read;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The two read-only pools: the trade-lifecycle database (positions, audit) and the Allocation Service's (execution).
 * Every connection's session is read-only ({@code SET SESSION CHARACTERISTICS}) and gives each statement 5 s; a
 * request's single query runs in auto-commit, without a BEGIN and a ROLLBACK around it, and a reader that streams
 * many rows turns auto-commit off for its cursor. When both settings are the same database (locally: one embedded Postgres) one pool serves both.
 * The pools start even with a database down: /readyz says so, requests answer 503.
 */
public final class Databases implements AutoCloseable {
    static final String SESSION = "SET statement_timeout='5s'; SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY";
    private static final int POOL_SIZE = 8;
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);

    private final HikariDataSource positions;
    private final HikariDataSource allocation;

    private Databases(HikariDataSource positions, HikariDataSource allocation) {
        this.positions = positions;
        this.allocation = allocation;
    }

    public static Databases open(ReadSettings settings, MeterRegistry registry) {
        HikariDataSource positions = pool("positions", settings.positions(), registry);
        HikariDataSource allocation = settings.allocation().equals(settings.positions())
                ? positions : pool("allocation", settings.allocation(), registry);
        return new Databases(positions, allocation);
    }

    private static HikariDataSource pool(String name, DatabaseSettings database, MeterRegistry registry) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(database.url());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setReadOnly(true);
        config.setAutoCommit(true);
        config.setConnectionInitSql(SESSION);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setInitializationFailTimeout(-1);
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        return new HikariDataSource(config);
    }

    public DataSource positions() {
        return positions;
    }

    public DataSource allocation() {
        return allocation;
    }

    /** Each distinct pool by name, for the readiness check. */
    public Map<String, DataSource> byName() {
        Map<String, DataSource> pools = new LinkedHashMap<>();
        pools.put(positions.getPoolName(), positions);
        pools.put(allocation.getPoolName(), allocation);
        return pools;
    }

    @Override
    public void close() {
        allocation.close();
        positions.close();
    }
}
