package com.globeco.trading.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** An embedded PostgreSQL 17 server whose data directory lives under java.io.tmpdir and is removed on close. */
public final class LocalPostgres implements AutoCloseable {

    public enum Durability {
        /** No fsync, asynchronous commit: fast, loses data on a machine crash. */
        FAST,
        /** fsync and synchronous commit on. */
        DURABLE
    }

    private static final String DATABASE = "postgres";
    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private LocalPostgres(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    public static LocalPostgres start(Durability durability) {
        return start(durability, true);
    }

    /**
     * Started for a process that stops it itself, last: no JVM shutdown hook stops it at SIGTERM while the jobs that
     * write to it are still being stopped with savepoints (the local platform's Ctrl-C).
     */
    public static LocalPostgres startStoppedByClose(Durability durability) {
        return start(durability, false);
    }

    private static LocalPostgres start(Durability durability, boolean stoppedAtJvmExit) {
        Path dataDirectory = TempDirectories.create("postgres-");
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(stoppedAtJvmExit);
            serverConfig(durability).forEach(builder::setServerConfig);
            return new LocalPostgres(builder.start(), dataDirectory);
        } catch (IOException | RuntimeException e) {
            TempDirectories.delete(dataDirectory);
            throw new IllegalStateException("embedded Postgres failed to start", e);
        }
    }

    private static Map<String, String> serverConfig(Durability durability) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("max_prepared_transactions", "64");
        config.put("max_connections", "200");
        // TCP only: the default Unix socket directory would be /tmp
        config.put("unix_socket_directories", "");
        if (durability == Durability.FAST) {
            config.put("fsync", "off");
            config.put("synchronous_commit", "off");
            config.put("full_page_writes", "off");
        } else {
            config.put("fsync", "on");
            config.put("synchronous_commit", "on");
            config.put("full_page_writes", "on");
        }
        return config;
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    /** The server trusts local connections, so any password works; this one is conventional. */
    public String password() {
        return USER;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TempDirectories.delete(dataDirectory);
        }
    }
}
