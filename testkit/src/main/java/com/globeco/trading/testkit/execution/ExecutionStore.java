package com.globeco.trading.testkit.execution;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** Executions by id; each update is an atomic compare-version-and-replace on its id. */
final class ExecutionStore {

    /** UNCHANGED: the totals were the stored ones, so nothing was written and the version stays (200 all the same). */
    enum Outcome { UPDATED, UNCHANGED, NOT_FOUND, STALE_VERSION }

    record UpdateResult(Outcome outcome, StoredExecution execution) {
    }

    private final ConcurrentMap<Long, StoredExecution> executions = new ConcurrentHashMap<>();
    private final AtomicLong lastId = new AtomicLong();
    private final Clock clock;

    ExecutionStore(Clock clock) {
        this.clock = clock;
    }

    StoredExecution create(NewExecution spec) {
        long id = lastId.incrementAndGet();
        StoredExecution execution = StoredExecution.created(id, spec, clock.instant());
        executions.put(id, execution);
        return execution;
    }

    Optional<StoredExecution> find(long id) {
        return Optional.ofNullable(executions.get(id));
    }

    List<StoredExecution> all() {
        return executions.values().stream()
                .sorted(Comparator.comparingLong(StoredExecution::id))
                .collect(Collectors.toList());
    }

    UpdateResult update(long id, TotalsUpdate update) {
        Outcome[] outcome = {Outcome.NOT_FOUND};
        StoredExecution after = executions.computeIfPresent(id, (key, current) -> {
            if (current.version() != update.version()) {
                outcome[0] = Outcome.STALE_VERSION;
                return current;
            }
            if (current.hasTotals(update.quantityFilled(), update.averagePrice())) {
                outcome[0] = Outcome.UNCHANGED;
                return current;
            }
            outcome[0] = Outcome.UPDATED;
            return current.withTotals(update.quantityFilled(), update.averagePrice());
        });
        return new UpdateResult(outcome[0], after);
    }
}
