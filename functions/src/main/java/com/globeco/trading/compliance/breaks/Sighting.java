package com.globeco.trading.compliance.breaks;

import java.time.Instant;

/** A reconciliation run that found a break, and when. */
public record Sighting(String runId, Instant at) {}
