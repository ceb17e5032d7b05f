package com.globeco.trading.operators.positions;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;

/** The Contract Service the hotpath asks for a contract per applied trade: 40 ms, behind a breaker. */
public record ContractServiceSettings(URI uri, Duration timeout, int maxCallsInFlight, int breakerFailures,
                                      Duration breakerOpenFor) implements Serializable {

    public static ContractServiceSettings defaults(URI uri) {
        return new ContractServiceSettings(uri, Duration.ofMillis(40), 20, 5, Duration.ofSeconds(30));
    }
}
