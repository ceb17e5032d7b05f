package com.globeco.trading.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessTest {

    @Test
    void readyWhileEveryDependencyIsUp() throws Exception {
        Readiness readiness = new Readiness(List.of(DependencyState.up("postgres", "SELECT 1"), DependencyState.up("kafka", "1 broker")));

        assertThat(readiness.ready()).isTrue();
        assertThat(readiness.httpStatus()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(readiness.json());
        assertThat(body.path("status").asText()).isEqualTo("ready");
        assertThat(body.path("down")).isEmpty();
        assertThat(body.path("dependencies").path("kafka").path("detail").asText()).isEqualTo("1 broker");
    }

    @Test
    void oneDependencyDownMakesItNotReadyAndIsNamed() throws Exception {
        Readiness readiness = new Readiness(List.of(DependencyState.up("kafka", "1 broker"),
                DependencyState.down("execution-service", "circuit breaker open"), DependencyState.down("postgres", null)));

        assertThat(readiness.httpStatus()).isEqualTo(503);
        assertThat(readiness.down()).containsExactly("execution-service", "postgres");
        JsonNode body = new ObjectMapper().readTree(readiness.json());
        assertThat(body.path("status").asText()).isEqualTo("not ready");
        assertThat(body.path("dependencies").path("execution-service").path("up").asBoolean()).isFalse();
        assertThat(body.path("dependencies").path("postgres").path("detail").asText()).isEmpty();
    }

    @Test
    void noDependencyToCheckIsReady() {
        assertThat(new Readiness(List.of()).httpStatus()).isEqualTo(200);
    }
}
