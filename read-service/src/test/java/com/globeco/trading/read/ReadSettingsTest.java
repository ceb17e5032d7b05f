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
