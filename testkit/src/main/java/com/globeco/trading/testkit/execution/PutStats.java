package com.globeco.trading.testkit.execution;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import com.globeco.trading.testkit.execution.ExecutionStore.Outcome;

/** How the PUTs of totals ended, by outcome: applied, rejected for a stale version, or for an unknown id. */
final class PutStats {

    private final Map<Outcome, LongAdder> byOutcome = new EnumMap<>(Outcome.class);

    PutStats() {
        for (Outcome outcome : Outcome.values()) {
            byOutcome.put(outcome, new LongAdder());
        }
    }

    void record(Outcome outcome) {
        byOutcome.get(outcome).increment();
    }

    long count(Outcome outcome) {
        return byOutcome.get(outcome).sum();
    }

    void reset() {
        byOutcome.values().forEach(LongAdder::reset);
    }
}
