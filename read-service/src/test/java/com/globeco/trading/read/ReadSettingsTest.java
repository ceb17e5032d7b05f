package com.globeco.trading.read;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadSettingsTest {
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "POSTGRES_URL", "jdbc:postgresql://trade-lifecycle-postgres:5432/postgres",
            "POSTGRES_PASSWORD", "p1",
            "ALLOCATION_POSTGRES_URL", "jdbc:postgresql://globeco-allocation-service-postgresql:5432/postgres",
            "ALLOCATION_POSTGRES_PASSWORD", "p2");

    @Test
    void theEnvironmentGivesBothDatabasesAsTheReaderOnTheSeedsPort() {
        ReadSettings settings = ReadSettings.from(ENVIRONMENT);

        assertThat(settings.port()).isEqualTo(8089);
        assertThat(settings.positions()).isEqualTo(new DatabaseSettings(
                "jdbc:postgresql://trade-lifecycle-postgres:5432/postgres", "globeco_reader", "p1"));
        assertThat(settings.allocation()).isEqualTo(new DatabaseSettings(
                "jdbc:postgresql://globeco-allocation-service-postgresql:5432/postgres", "globeco_reader", "p2"));
        assertThat(settings.toString()).doesNotContain("p1").doesNotContain("p2");
    }

    @Test
    void withoutKafkaPostsAreNotConfiguredAndTheTopicZoneAndDispatcherHaveTheirDefaults() {
        ReadSettings settings = ReadSettings.from(ENVIRONMENT);

        assertThat(settings.posting().bootstrapServers()).isEmpty();
        assertThat(settings.posting().topic()).isEqualTo("allocation-executions");
        assertThat(settings.posting().businessZone()).isEqualTo(java.time.ZoneId.of("America/New_York"));
        assertThat(settings.dispatcher()).hasToString("http://portfolio-accounting-dispatcher:8091");
    }

    @Test
    void kafkaItsClientSettingsTheTopicAndTheDispatcherComeFromVariablesOrOptions() {
        Map<String, String> environment = new java.util.HashMap<>(ENVIRONMENT);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", "kafka:9093");
        environment.put("KAFKA_CLIENT_SASL_JAAS_CONFIG", "secret-login");
        environment.put("KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL");
        environment.put("POSTED_EXECUTIONS_TOPIC", "posted");

        ReadSettings settings = ReadSettings.from(environment, "--dispatcher.url", "http://localhost:9",
                "--allocation.business-zone", "Europe/London");

        assertThat(settings.posting().bootstrapServers()).hasValue("kafka:9093");
        assertThat(settings.posting().clientSettings()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.jaas.config", "secret-login");
        assertThat(settings.posting().topic()).isEqualTo("posted");
        assertThat(settings.posting().businessZone()).isEqualTo(java.time.ZoneId.of("Europe/London"));
        assertThat(settings.dispatcher()).hasToString("http://localhost:9");
        assertThat(settings.toString()).doesNotContain("secret-login");
        assertThatThrownBy(() -> ReadSettings.from(ENVIRONMENT, "--dispatcher.url", "dispatcher:8091")).hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> ReadSettings.from(ENVIRONMENT, "--allocation.business-zone", "Nowhere")).hasMessageContaining("time zone");
    }

    @Test
    void anOptionOverridesItsVariable() {
        ReadSettings settings = ReadSettings.from(ENVIRONMENT, "--read-service.port", "0", "--allocation-postgres.user", "someone");

        assertThat(settings.port()).isZero();
        assertThat(settings.allocation().user()).isEqualTo("someone");
    }

    @Test
    void anUnknownOptionAMissingValueOrAMissingDatabaseFailsTheStart() {
        assertThatThrownBy(() -> ReadSettings.from(ENVIRONMENT, "--port", "80")).hasMessage("unknown option --port");
        assertThatThrownBy(() -> ReadSettings.from(ENVIRONMENT, "--postgres.url")).hasMessage("--postgres.url needs a value");
        assertThatThrownBy(() -> ReadSettings.from(Map.of("POSTGRES_URL", "jdbc:postgresql://h/db")))
                .hasMessage("ALLOCATION_POSTGRES_URL (or --allocation-postgres.url) is required");
        assertThatThrownBy(() -> ReadSettings.from(ENVIRONMENT, "--read-service.port", "http")).hasMessageContaining("must be a number");
    }
}
