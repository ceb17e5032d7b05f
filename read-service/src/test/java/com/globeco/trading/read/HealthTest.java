package com.globeco.trading.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.globeco.trading.schema.Migrations;
import com.globeco.trading.testkit.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static com.globeco.trading.read.ErrorBodies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/** Liveness is the process; readiness is both pools answering as globeco_reader, and it comes back with Postgres. */
class HealthTest {
    private static LocalPostgres postgres;
    private static Running service;
    private static Http http;

    @BeforeAll
    static void start() {
        postgres = LocalPostgres.start(LocalPostgres.Durability.FAST);
        Migrations.apply(postgres.dataSource());
        service = ReadService.start(ReaderSettings.of(postgres), TestClocks.FIXED);
        http = new Http(service.port());
    }

    @AfterAll
    static void stop() {
        service.close();
        postgres.close();
    }

    @Test
    void aRunningServiceIsLiveAndReadyOnBothPools() {
        assertThat(http.get("/healthz").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = http.get("/readyz");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(Http.json(ready).get("checks").toString()).isEqualTo("{\"positions\":\"UP\",\"allocation\":\"UP\"}");
    }

    @Test
    void withPostgresDownTheServiceIsLiveButNotReadyAndReadyAgainWhenItIsBack() throws Exception {
        postgres.stop();
        try {
            HttpResponse<String> notReady = http.get("/readyz");

            JsonNode body = assertError(notReady, 503, "not ready");
            assertThat(body.get("details").asText()).isEqualTo("positions: DOWN, allocation: DOWN");
            assertThat(notReady.headers().firstValue("Retry-After")).contains("5");
            assertThat(http.get("/healthz").statusCode()).isEqualTo(200);
        } finally {
            postgres.start();
        }
        assertThat(eventuallyReady(Duration.ofSeconds(30))).as("ready again once Postgres is back").isTrue();
    }

    @Test
    void metricsArePrometheusTextWithThePoolsTheJvmAndTheRequests() {
        http.get("/healthz");
        HttpResponse<String> metrics = http.get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(metrics.body())
                .contains("hikaricp_connections_max{pool=\"allocation\"} 8")
                .contains("hikaricp_connections_max{pool=\"positions\"} 8")
                .contains("jvm_memory_used_bytes")
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/healthz\",status=\"200\"}");
    }

    private static boolean eventuallyReady(Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (http.get("/readyz").statusCode() == 200) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
