package com.globeco.trading.read.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParamsTest {

    @Test
    void anIntegerInItsRangeIsItsValueAndAnAbsentOneItsFallback() {
        assertThat(Params.integer("limit", "7", 1, 1000)).isEqualTo(7);
        assertThat(Params.integer("limit", "1000", 1, 1000)).isEqualTo(1000);
        assertThat(Params.integer("offset", "9223372036854775807", 0, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(Params.integer("limit", null, 50, 1, 1000)).isEqualTo(50);
        assertThat(Params.optionalInteger("beforeId", null, 1, Integer.MAX_VALUE)).isEmpty();
        assertThat(Params.optionalInteger("beforeId", "12", 1, Integer.MAX_VALUE)).contains(12L);
        assertThat(Params.id("id", "2147483647")).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void anEmptyValueIsRefusedAsEmpty() {
        assertThatThrownBy(() -> Params.integer("limit", "", 50, 1, 1000))
                .isInstanceOf(BadRequest.class).hasMessage("limit is empty: it must be an integer from 1 to 1000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "1e3", "+5", " 5", "5 ", "0x10", "--1", "-", "٣"})
    void whatIsNotAPlainIntegerIsRefusedWithTheValue(String raw) {
        assertThatThrownBy(() -> Params.integer("limit", raw, 1, 1000))
                .isInstanceOf(BadRequest.class).hasMessage("limit must be an integer from 1 to 1000, got '" + raw + "'");
    }

    @Test
    void aNegativeOffsetIsRefused() {
        assertThatThrownBy(() -> Params.integer("offset", "-1", 0, Long.MAX_VALUE))
                .isInstanceOf(BadRequest.class).hasMessage("offset must be an integer >= 0, got -1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "-9223372036854775809", "99999999999999999999999"})
    void anIntegerBeyondALongIsOutOfRangeNotAnError(String raw) {
        assertThatThrownBy(() -> Params.integer("offset", raw, 0, Long.MAX_VALUE))
                .isInstanceOf(BadRequest.class).hasMessageStartingWith("offset must be an integer >= 0, got ");
    }

    @Test
    void aTenThousandDigitValueIsEchoedShort() {
        String raw = "9".repeat(10_000);

        assertThatThrownBy(() -> Params.integer("offset", raw, 0, Long.MAX_VALUE))
                .isInstanceOf(BadRequest.class)
                .hasMessage("offset must be an integer >= 0, got " + "9".repeat(Params.ECHOED) + "...");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "2147483648", "abc", ""})
    void anIdIsASerial(String raw) {
        assertThatThrownBy(() -> Params.id("id", raw)).isInstanceOf(BadRequest.class).hasMessageStartingWith("id ");
    }
}
