package com.globeco.trading.testkit.execution;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

final class SimulatorStats {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Map<String, LongAdder> requestsByMethod = new ConcurrentHashMap<>();
    private final LongAdder puts200 = new LongAdder();
    private final LongAdder conflicts = new LongAdder();
    private final LongAdder traced = new LongAdder();

    void requestArrived(String method) {
        requestsByMethod.computeIfAbsent(method, m -> new LongAdder()).increment();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
    }

    void requestAnswered() {
        inFlight.decrementAndGet();
    }

    void traced() {
        traced.increment();
    }

    long tracedRequests() {
        return traced.sum();
    }

    void successfulPut() {
        puts200.increment();
    }

    void versionConflict() {
        conflicts.increment();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    long requests(String method) {
        LongAdder count = requestsByMethod.get(method);
        return count == null ? 0 : count.sum();
    }

    long puts200() {
        return puts200.sum();
    }

    long conflicts() {
        return conflicts.sum();
    }

    void reset() {
        requestsByMethod.clear();
        puts200.reset();
        conflicts.reset();
        traced.reset();
        maxInFlight.set(inFlight.get());
    }
}
