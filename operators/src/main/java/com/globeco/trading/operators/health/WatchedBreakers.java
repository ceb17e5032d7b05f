package com.globeco.trading.operators.health;

import com.globeco.trading.health.DependencyState;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The circuit breakers of the subtasks running in this process, watched by the readiness check: an operator watches
 * its breaker from open() and stops in close(). A service is down while the breaker of any subtask calling it is open
 * ({@link BreakerWatch}); one whose trial call is due (half open, or open past its wait) counts as up.
 */
public final class WatchedBreakers {
    private static final Map<CircuitBreaker, BreakerWatch> WATCHED = new ConcurrentHashMap<>();

    private WatchedBreakers() {}

    public static void watch(CircuitBreaker breaker) {
        WATCHED.computeIfAbsent(breaker, BreakerWatch::new);
    }

    public static void unwatch(CircuitBreaker breaker) {
        WATCHED.remove(breaker);
    }

    /** One state per service (breaker name). */
    public static List<DependencyState> states() {
        Instant now = Instant.now();
        Map<String, List<BreakerWatch>> byService = WATCHED.values().stream().collect(Collectors.groupingBy(BreakerWatch::service));
        return byService.entrySet().stream().map(service -> state(service.getKey(), service.getValue(), now)).toList();
    }

    private static DependencyState state(String service, List<BreakerWatch> breakers, Instant now) {
        long open = breakers.stream().filter(breaker -> breaker.open(now)).count();
        if (open > 0) {
            return DependencyState.down(service, "circuit breaker open in " + open + " of " + breakers.size() + " subtask(s)");
        }
        long trialDue = breakers.stream().filter(breaker -> breaker.trialDue(now)).count();
        return DependencyState.up(service, trialDue > 0
                ? "circuit breaker waiting for a trial call in " + trialDue + " of " + breakers.size() + " subtask(s)"
                : "circuit breaker closed");
    }
}
