package com.globeco.trading.read;

import com.globeco.trading.testkit.LocalPostgres;

/** Settings that read an embedded Postgres as globeco_reader through two pools (the allocation one by another URL). */
final class ReaderSettings {
    private ReaderSettings() {}

    static ReadSettings of(LocalPostgres postgres) {
        return of(postgres.jdbcUrl());
    }

    static ReadSettings of(String jdbcUrl) {
        return new ReadSettings(0,
                new DatabaseSettings(jdbcUrl, ReadSettings.READER_ROLE, ""),
                new DatabaseSettings(jdbcUrl + "?ApplicationName=read-service-allocation", ReadSettings.READER_ROLE, ""));
    }

    /** A database URL where nothing listens. */
    static ReadSettings unreachable() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return of("jdbc:postgresql://127.0.0.1:" + socket.getLocalPort() + "/postgres");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
