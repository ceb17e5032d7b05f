package com.globeco.trading.operators.fills;

import com.globeco.trading.fills.InboundFill;

/** Release 0.1.0's fill being confirmed, in the confirmation job's keyed state; {@code FillInProgress} replaced it. */
public record PendingFill(InboundFill inbound, long startedAtMillis) {}
