package com.globeco.trading.operators.logging;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StateLifetimeTest {
    private static final Instant RESTORED_AT = Instant.parse("2031-03-10T09:30:15.123456Z");

    @Test
    void aRestoreSaysWhatExpiredBeforeWhen() {
        StateLifetime ledgers = new StateLifetime("execution ledgers", Duration.ofDays(7), "the execution's last settled fill");

        assertThat(ledgers.onRestore(RESTORED_AT, 5, 2)).isEqualTo("restored execution ledgers live 7 days after the execution's last"
                + " settled fill, on the wall clock with the stop counted: those not renewed since 2031-03-03T09:30:15Z have expired"
                + " (2 expired, 5 kept)");
    }

    @Test
    void aTimeToLiveReadsAsDaysHoursMinutesAndSeconds() {
        assertThat(StateLifetime.readable(Duration.ofDays(30).plusHours(1))).isEqualTo("30 days 1 hour");
        assertThat(StateLifetime.readable(Duration.ofMinutes(90).plusSeconds(1))).isEqualTo("1 hour 30 minutes 1 second");
        assertThat(StateLifetime.readable(Duration.ZERO)).isEqualTo("0 seconds");
    }
}
