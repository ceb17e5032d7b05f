package com.globeco.trading.local;

import com.globeco.trading.operations.accounting.AccountingFileDispatcher;
import com.globeco.trading.operations.accounting.DispatchControl;
import com.globeco.trading.operations.accounting.DispatcherMetrics;
import com.globeco.trading.operators.sinks.PostgresSettings;
import com.globeco.trading.read.ReadService;
import com.globeco.trading.read.ReadSettings;
import com.globeco.trading.read.Running;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The read service as deployed, beside the local platform's jobs: on {@code --read-service.port}, reading the one
 * Postgres as {@code globeco_reader} (its password from {@code GLOBECO_READER_PASSWORD}, none on the embedded one),
 * posting executions to the platform's Kafka, with the dispatcher's control port ({@code --dispatcher.port}) for
 * {@code POST /api/v1/executions/send}.
 */
final class LocalReadService implements AutoCloseable {
    private final DispatchControl control;
    private final Running service;

    private LocalReadService(DispatchControl control, Running service) {
        this.control = control;
        this.service = service;
    }

    static LocalReadService start(PlatformStack stack, PlatformOptions options, AccountingFileDispatcher dispatcher) throws IOException {
        DispatchControl control = new DispatchControl(dispatcher, new DispatcherMetrics()).serve(options.dispatcherControlPort());
        try {
            return new LocalReadService(control, ReadService.start(ReadSettings.from(Map.of(), arguments(stack, options, control)), Clock.systemUTC()));
        } catch (RuntimeException e) {
            control.close();
            throw e;
        }
    }

    private static String[] arguments(PlatformStack stack, PlatformOptions options, DispatchControl control) {
        PostgresSettings postgres = stack.postgres();
        String password = System.getenv().getOrDefault("GLOBECO_READER_PASSWORD", "");
        return List.of("--read-service.port", String.valueOf(options.readServicePort()),
                "--postgres.url", postgres.jdbcUrl(), "--postgres.password", password,
                "--allocation-postgres.url", postgres.jdbcUrl(), "--allocation-postgres.password", password,
                "--kafka.bootstrap-servers", stack.kafkaBootstrapServers(),
                "--dispatcher.url", "http://localhost:" + control.port()).toArray(String[]::new);
    }

    String url() {
        return "http://localhost:" + service.port();
    }

    @Override
    public void close() {
        try {
            service.close();
        } finally {
            control.close();
        }
    }
}
