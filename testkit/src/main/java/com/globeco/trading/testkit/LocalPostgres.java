package com.globeco.trading.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An embedded PostgreSQL 17 server whose data directory lives under java.io.tmpdir and is removed on close. A test can
 * take it away as a database outage would: {@link #stop()} and {@link #start()} again (same port, same data, prepared
 * transactions kept), or {@link #pause()} and {@link #resume()} every process of it (SIGSTOP, SIGCONT), which leaves
 * its connections open and silent, as a hung server or a half-open connection does.
 */
public final class LocalPostgres implements AutoCloseable {

    public enum Durability {
        /** No fsync, asynchronous commit: fast, loses data on a machine crash. */
        FAST,
        /** fsync and synchronous commit on. */
        DURABLE
    }

    private static final String DATABASE = "postgres";
    private static final String USER = "postgres";

    private final Path dataDirectory;
    private final Durability durability;
    private final boolean stoppedAtJvmExit;
    private volatile EmbeddedPostgres postgres;
    private final int port;

    private LocalPostgres(EmbeddedPostgres postgres, Path dataDirectory, Durability durability, boolean stoppedAtJvmExit) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.durability = durability;
        this.stoppedAtJvmExit = stoppedAtJvmExit;
        this.port = postgres.getPort();
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
            return new LocalPostgres(server(dataDirectory, durability, stoppedAtJvmExit, 0), dataDirectory, durability, stoppedAtJvmExit);
        } catch (IOException | RuntimeException e) {
            TempDirectories.delete(dataDirectory);
            throw new IllegalStateException("embedded Postgres failed to start", e);
        }
    }

    /** A server on {@code dataDirectory}, initialized first if it is empty; on any free port when {@code port} is 0. */
    private static EmbeddedPostgres server(Path dataDirectory, Durability durability, boolean stoppedAtJvmExit, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(stoppedAtJvmExit);
        if (port != 0) {
            builder.setPort(port);
        }
        serverConfig(durability).forEach(builder::setServerConfig);
        return builder.start();
    }

    /** Shuts the server down (fast: connections are closed, open transactions rolled back, prepared ones kept). */
    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the stopped server again, on its port and data. */
    public void start() {
        try {
            postgres = server(dataDirectory, durability, stoppedAtJvmExit, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops every process of the server (SIGSTOP): connections stay open, nothing answers. */
    public void pause() {
        signalEveryProcess("STOP");
    }

    /** Lets a paused server go on (SIGCONT). */
    public void resume() {
        signalEveryProcess("CONT");
    }

    /** The postmaster first, then each of its processes; one that has exited meanwhile is no longer there to signal. */
    private void signalEveryProcess(String signal) {
        long postmaster = postmasterPid();
        if (!signal(signal, postmaster)) {
            throw new IllegalStateException("kill -" + signal + " " + postmaster + " failed: the postmaster is not running");
        }
        ProcessHandle.of(postmaster).orElseThrow().descendants().forEach(child -> signal(signal, child.pid()));
    }

    private static boolean signal(String signal, long pid) {
        try {
            return new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        return port;
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
