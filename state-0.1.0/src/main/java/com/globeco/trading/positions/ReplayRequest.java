package com.globeco.trading.positions;

import com.globeco.trading.fills.SourceMessage;

/** Release 0.1.0's replay request; {@code PendingReplay} replaced it. */
public record ReplayRequest(String positionKey, long asOfVersion, TaxLotMethod method, BackdatedTrade[] trades, SourceMessage[] sources) {}
