package com.globeco.trading.read;

import com.globeco.trading.testkit.InProcessKafka;
import com.globeco.trading.testkit.LocalPostgres;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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

    /** Posting executions to {@code topic} through {@code bootstrapServers}, with the in-process broker's other client settings. */
    static PostSettings posting(InProcessKafka kafka, String bootstrapServers, String topic) {
        Map<String, String> client = kafka.clientProperties().entrySet().stream()
                .filter(entry -> !entry.getKey().equals("bootstrap.servers"))
                .collect(Collectors.toMap(entry -> entry.getKey().toString(), entry -> entry.getValue().toString()));
        return new PostSettings(Optional.of(bootstrapServers), client, topic, PostSettings.DEFAULT_BUSINESS_ZONE);
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
