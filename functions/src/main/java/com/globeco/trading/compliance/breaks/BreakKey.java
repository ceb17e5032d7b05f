package com.globeco.trading.compliance.breaks;

/** What a ticket is about: one kind of break of one position (at most one active ticket each). */
public record BreakKey(String positionKey, String kind) {}
