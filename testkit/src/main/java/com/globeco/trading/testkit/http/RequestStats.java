package com.globeco.trading.testkit.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Requests by method, how many were in flight at most, and how many carried trace context. */
final class RequestStats {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Map<String, LongAdder> requestsByMethod = new ConcurrentHashMap<>();
    private final LongAdder traced = new LongAdder();
    private final java.util.Set<String> traceparents = ConcurrentHashMap.newKeySet();

    void requestArrived(String method) {
        requestsByMethod.computeIfAbsent(method, m -> new LongAdder()).increment();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
    }

    void requestAnswered() {
        inFlight.decrementAndGet();
    }

    void traced(String traceparent) {
        traced.increment();
        traceparents.add(traceparent);
    }

    java.util.Set<String> traceparents() {
        return java.util.Set.copyOf(traceparents);
    }

    long tracedRequests() {
        return traced.sum();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    long requests(String method) {
        LongAdder count = requestsByMethod.get(method);
        return count == null ? 0 : count.sum();
    }

    long requests() {
        return requestsByMethod.values().stream().mapToLong(LongAdder::sum).sum();
    }

    void reset() {
        requestsByMethod.clear();
        traced.reset();
        traceparents.clear();
        maxInFlight.set(inFlight.get());
    }
}
