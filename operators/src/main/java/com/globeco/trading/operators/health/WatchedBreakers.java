package com.globeco.trading.operators.health;

import com.globeco.trading.health.DependencyState;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The circuit breakers of the subtasks running in this process, watched by the readiness check: an operator watches
 * its breaker from open() and stops in close(). A service is down while the breaker of any subtask calling it is open
 * (the subtasks of one operator call the same service); half open lets a trial call through and counts as up.
 */
public final class WatchedBreakers {
    private static final Set<CircuitBreaker> WATCHED = ConcurrentHashMap.newKeySet();

    private WatchedBreakers() {}

    public static void watch(CircuitBreaker breaker) {
        WATCHED.add(breaker);
    }

    public static void unwatch(CircuitBreaker breaker) {
        WATCHED.remove(breaker);
    }

    /** One state per service (breaker name). */
    public static List<DependencyState> states() {
        Map<String, List<CircuitBreaker>> byService = WATCHED.stream().collect(Collectors.groupingBy(CircuitBreaker::getName));
        return byService.entrySet().stream().map(service -> state(service.getKey(), service.getValue())).toList();
    }

    private static DependencyState state(String service, List<CircuitBreaker> breakers) {
        long open = breakers.stream().filter(WatchedBreakers::open).count();
        if (open > 0) {
            return DependencyState.down(service, "circuit breaker open in " + open + " of " + breakers.size() + " subtask(s)");
        }
        long halfOpen = breakers.stream().filter(breaker -> breaker.getState() == CircuitBreaker.State.HALF_OPEN).count();
        return DependencyState.up(service, halfOpen > 0
                ? "circuit breaker half open in " + halfOpen + " of " + breakers.size() + " subtask(s)"
                : "circuit breaker closed");
    }

    private static boolean open(CircuitBreaker breaker) {
        return breaker.getState() == CircuitBreaker.State.OPEN || breaker.getState() == CircuitBreaker.State.FORCED_OPEN;
    }
}
