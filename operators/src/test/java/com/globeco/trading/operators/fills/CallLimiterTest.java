package com.globeco.trading.operators.fills;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallLimiterTest {

    @Test
    void executionsWaitingForAPlaceGetOneInTheOrderTheyBecameReady() {
        CallLimiter calls = new CallLimiter(2);
        calls.started();
        calls.started();
        calls.queue(5);
        calls.queue(6);

        assertThat(calls.hasCapacity()).isFalse();
        assertThat(calls.nextReady()).as("no place is free").isNull();

        calls.finished();
        assertThat(calls.nextReady()).isEqualTo(5);
        calls.started();
        assertThat(calls.nextReady()).isNull();

        calls.finished();
        calls.finished();
        assertThat(calls.nextReady()).isEqualTo(6);
        assertThat(calls.nextReady()).as("none waits").isNull();
        assertThat(calls.inFlight()).isZero();
    }
}
