package com.globeco.trading.operators.fills;

import com.globeco.trading.fills.ValidatedFill;

/** The fill an execution is being confirmed with, kept in state so a failover resumes it. */
public record FillInProgress(ValidatedFill inbound, long startedAtMillis) {}
