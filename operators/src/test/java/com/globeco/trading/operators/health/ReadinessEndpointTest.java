package com.globeco.trading.operators.health;

import com.globeco.trading.operators.http.CircuitBreakers;
import com.globeco.trading.operators.sinks.KafkaSettings;
import com.globeco.trading.operators.sinks.PostgresSettings;
import com.globeco.trading.testkit.InProcessKafka;
import com.globeco.trading.testkit.LocalPostgres;
import com.globeco.trading.testkit.execution.ExecutionServiceSimulator;
import com.globeco.trading.testkit.http.ReadinessProbe;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** Each dependency taken away makes the readiness answer 503 naming it; given back, 200 again. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadinessEndpointTest {
    private static final Duration DEADLINE = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static InProcessKafka kafka;
    private static LocalPostgres postgres;
    private static ExecutionServiceSimulator executionService;
    private ReadinessEndpoint endpoint;
    private ReadinessProbe probe;

    @BeforeAll
    static void startDependencies() {
        kafka = InProcessKafka.start();
        postgres = LocalPostgres.start(LocalPostgres.Durability.FAST);
        executionService = ExecutionServiceSimulator.start();
    }

    @AfterAll
    static void stopDependencies() {
        executionService.close();
        postgres.close();
        kafka.close();
    }

    @BeforeEach
    void serve() {
        ReadinessSettings settings = new ReadinessSettings(0, DEADLINE, KafkaSettings.of(kafka.bootstrapServers()),
                new PostgresSettings(postgres.jdbcUrl(), postgres.user(), postgres.password()));
        endpoint = ReadinessEndpoint.start(0, settings.health());
        probe = ReadinessProbe.at(() -> OptionalInt.of(endpoint.port()));
        assertThat(probe.await(200, PATIENCE).dependencies()).containsExactly("kafka", "postgres");
    }

    @AfterEach
    void stopServing() {
        endpoint.close();
    }

    @Test
    @Order(1)
    void postgresShutDownThenStartedAgain() {
        postgres.stop();
        assertThat(probe.await(503, PATIENCE).down()).containsExactly("postgres");

        postgres.start();
        probe.await(200, PATIENCE);
    }

    @Test
    @Order(2)
    void postgresHungThenGoingOn() {
        postgres.pause();
        try {
            ReadinessProbe.Answer hung = probe.await(503, PATIENCE);
            assertThat(hung.down()).containsExactly("postgres");
            assertThat(hung.detail("postgres")).isEqualTo("no answer within 1000 ms");
        } finally {
            postgres.resume();
        }
        probe.await(200, PATIENCE);
    }

    @Test
    @Order(3)
    void breakerOpenedByAServiceOutageIsDownUntilItsTrialCallIsDue() {
        CircuitBreaker breaker = CircuitBreakers.afterConsecutiveFailures("execution-service", 3, Duration.ofSeconds(3));
        WatchedBreakers.watch(breaker);
        try {
            assertThat(probe.await(200, PATIENCE).detail("execution-service")).isEqualTo("circuit breaker closed");

            executionService.setOutage(true);
            for (int call = 0; call < 3; call++) {
                callThrough(breaker);
            }
            ReadinessProbe.Answer open = probe.await(503, PATIENCE);
            assertThat(open.down()).containsExactly("execution-service");
            assertThat(open.detail("execution-service")).isEqualTo("circuit breaker open in 1 of 1 subtask(s)");

            assertThat(probe.await(200, PATIENCE).detail("execution-service"))
                    .as("no call came: the breaker has nothing newer to say").startsWith("circuit breaker waiting for a trial call");
            callThrough(breaker);
            assertThat(probe.await(503, PATIENCE).down()).as("the trial failed").containsExactly("execution-service");

            executionService.clearFaults();
            probe.await(200, PATIENCE);
            callThrough(breaker);
            assertThat(probe.await(200, PATIENCE).detail("execution-service")).isEqualTo("circuit breaker closed");
        } finally {
            WatchedBreakers.unwatch(breaker);
        }
    }

    @Test
    @Order(4)
    void onlyTheReadinessPathAnswers() throws Exception {
        assertThat(statusOf("/health/live")).isEqualTo(404);
        assertThat(statusOf("/")).isEqualTo(404);
    }

    @Test
    @Order(5)
    void kafkaBrokerStoppedThenStartedAgain() {
        kafka.stopBroker();
        try {
            assertThat(probe.await(503, PATIENCE).down()).containsExactly("kafka");
        } finally {
            kafka.startBroker();
        }
        probe.await(200, PATIENCE);
    }

    private static void callThrough(CircuitBreaker breaker) {
        try {
            breaker.executeCallable(() -> {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(executionService.baseUri().resolve("/api/v1/execution/1")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() >= 500) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                return response.statusCode();
            });
        } catch (Exception failedOrRefused) {
            // the breaker counted it
        }
    }

    private int statusOf(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + endpoint.port() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
