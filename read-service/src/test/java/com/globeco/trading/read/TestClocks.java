package com.globeco.trading.read;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Clocks off the wall: every test answer's timestamp is known in advance. */
final class TestClocks {
    static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    static final Clock FIXED = Clock.fixed(NOW, ZoneOffset.UTC);

    private TestClocks() {}
}
