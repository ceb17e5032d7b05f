package com.globeco.trading.operators.health;

import com.globeco.trading.health.DependencyState;
import com.globeco.trading.health.Readiness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A job's readiness, asked afresh each time: every {@link DependencyCheck} runs at once and each has until the
 * deadline to answer (a hung database is "no answer", not a probe that times out); the watched circuit breakers are
 * read as they are. A check still running from an earlier question is waited on again rather than started twice, so
 * a hung dependency holds at most one thread.
 */
public final class DependencyHealth implements AutoCloseable {
    private final List<DependencyCheck> checks;
    private final Duration deadline;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "readiness-check");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<DependencyCheck, CompletableFuture<DependencyState>> running = new ConcurrentHashMap<>();

    public DependencyHealth(List<DependencyCheck> checks, Duration deadline) {
        this.checks = List.copyOf(checks);
        this.deadline = deadline;
    }

    public Readiness readiness() {
        long until = System.nanoTime() + deadline.toNanos();
        Map<DependencyCheck, CompletableFuture<DependencyState>> started = checks.stream()
                .collect(Collectors.toMap(Function.identity(), this::started));
        List<DependencyState> states = new ArrayList<>(WatchedBreakers.states());
        started.forEach((check, answer) -> states.add(awaited(check, answer, until)));
        return new Readiness(states);
    }

    private CompletableFuture<DependencyState> started(DependencyCheck check) {
        return running.compute(check, (key, earlier) -> earlier == null || earlier.isDone()
                ? CompletableFuture.supplyAsync(check::check, threads)
                : earlier);
    }

    private DependencyState awaited(DependencyCheck check, CompletableFuture<DependencyState> answer, long until) {
        try {
            return answer.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return DependencyState.down(check.dependency(), "no answer within " + deadline.toMillis() + " ms");
        } catch (ExecutionException e) {
            return DependencyState.down(check.dependency(), Failures.reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DependencyState.down(check.dependency(), "interrupted");
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
        checks.forEach(DependencyCheck::close);
    }
}
