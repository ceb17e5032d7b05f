package com.globeco.trading.messages;

import com.globeco.trading.messages.SourceMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationIdsTest {
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aMessageWithTraceContextIsCorrelatedByItsTraceId() {
        SourceMessage message = new SourceMessage("fills", 0, 7, 0, "{}", TRACEPARENT);

        assertThat(CorrelationIds.of(message)).isEqualTo("4bf92f35-77b3-4da6-a3ce-929d0e0e4736");
        assertThat(CorrelationIds.traceparent(CorrelationIds.of(message), 1)).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "garbage", "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
            "\u0000\uFFFD"})
    void aMessageWithoutValidTraceContextIsCorrelatedByItsCoordinates(String header) {
        SourceMessage traced = new SourceMessage("fills", 0, 7, 0, "{}", header);

        assertThat(CorrelationIds.ofTraceparent(header)).isNull();
        assertThat(CorrelationIds.of(traced)).isEqualTo(CorrelationIds.of(new SourceMessage("fills", 0, 7, 0, "{}")));
    }
}
