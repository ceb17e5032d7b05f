package com.globeco.trading.operators.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.globeco.trading.operators.http.CircuitBreakers;
import com.globeco.trading.operators.sinks.KafkaSettings;
import com.globeco.trading.operators.sinks.PostgresSettings;
import com.globeco.trading.testkit.InProcessKafka;
import com.globeco.trading.testkit.LocalPostgres;
import com.globeco.trading.testkit.execution.ExecutionServiceSimulator;
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
import java.time.Instant;
import java.util.List;

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
        if (kafka != null) {
            kafka.close();
        }
    }

    @BeforeEach
    void serve() {
        ReadinessSettings settings = new ReadinessSettings(0, DEADLINE, KafkaSettings.of(kafka.bootstrapServers()),
                new PostgresSettings(postgres.jdbcUrl(), postgres.user(), postgres.password()));
        endpoint = ReadinessEndpoint.start(0, settings.health());
        Answer ready = awaitAnswer(200);
        assertThat(ready.body().path("dependencies").fieldNames()).toIterable().contains("kafka", "postgres");
    }

    @AfterEach
    void stopServing() {
        endpoint.close();
    }

    @Test
    @Order(1)
    void postgresShutDownThenStartedAgain() {
        postgres.stop();
        assertThat(awaitAnswer(503).down()).containsExactly("postgres");

        postgres.start();
        awaitAnswer(200);
    }

    @Test
    @Order(2)
    void postgresHungThenGoingOn() {
        postgres.pause();
        try {
            Answer hung = awaitAnswer(503);
            assertThat(hung.down()).containsExactly("postgres");
            assertThat(hung.detail("postgres")).contains("no answer within");
        } finally {
            postgres.resume();
        }
        awaitAnswer(200);
    }

    @Test
    @Order(3)
    void breakerOpenedByAServiceOutageThenClosedByASuccessfulCall() throws Exception {
        CircuitBreaker breaker = CircuitBreakers.afterConsecutiveFailures("execution-service", 3, Duration.ofMillis(500));
        WatchedBreakers.watch(breaker);
        try {
            assertThat(awaitAnswer(200).detail("execution-service")).isEqualTo("circuit breaker closed");

            executionService.setOutage(true);
            for (int call = 0; call < 3; call++) {
                callThrough(breaker);
            }
            Answer open = awaitAnswer(503);
            assertThat(open.down()).containsExactly("execution-service");
            assertThat(open.detail("execution-service")).isEqualTo("circuit breaker open in 1 of 1 subtask(s)");

            executionService.clearFaults();
            Thread.sleep(600);
            callThrough(breaker);
            awaitAnswer(200);
        } finally {
            WatchedBreakers.unwatch(breaker);
        }
    }

    @Test
    @Order(4)
    void onlyTheReadinessPathAnswers() throws Exception {
        assertThat(get("/health/live").statusCode()).isEqualTo(404);
        assertThat(get("/").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void kafkaGone() {
        kafka.close();
        kafka = null;
        assertThat(awaitAnswer(503).down()).containsExactly("kafka");
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

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + endpoint.port() + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Answer awaitAnswer(int status) {
        Instant until = Instant.now().plus(PATIENCE);
        Answer last = null;
        while (Instant.now().isBefore(until)) {
            try {
                HttpResponse<String> response = get(ReadinessEndpoint.PATH);
                last = new Answer(response.statusCode(), new ObjectMapper().readTree(response.body()));
                if (last.status() == status) {
                    return last;
                }
                Thread.sleep(200);
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no " + status + " within " + PATIENCE + "; last answer " + last);
    }

    private record Answer(int status, JsonNode body) {
        List<String> down() {
            List<String> names = new java.util.ArrayList<>();
            body.path("down").forEach(name -> names.add(name.asText()));
            return names;
        }

        String detail(String dependency) {
            return body.path("dependencies").path(dependency).path("detail").asText();
        }
    }
}
