package com.globeco.trading.operators.fills;

import com.globeco.trading.execution.ExecutionAnswer;
import com.globeco.trading.execution.ExecutionState;
import com.globeco.trading.execution.ExecutionUpdate;
import com.globeco.trading.operators.execution.ExecutionService;
import com.globeco.trading.operators.execution.ExecutionServices;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory Execution Service with the real one's rules that confirmation relies on (a PUT names
 * the version it read, a stale version is refused with 500, each write moves the version on), whose
 * answers come when the test says: at once, or held until {@link #release()}. Faults on demand.
 */
final class FakeExecutionService implements ExecutionService {
    private static final Map<String, FakeExecutionService> RUNNING = new ConcurrentHashMap<>();

    private final Map<Long, ExecutionState> executions = new HashMap<>();
    private final Map<String, Integer> requests = new HashMap<>();
    private final List<Runnable> held = new ArrayList<>();
    private ExecutionAnswer fault;
    private boolean holding;
    private int conflicts;
    private long nextId = 1;

    /** The operator factory's way to this fake: by name, since the factory is serialized with the job. */
    static ExecutionServices named(String name, FakeExecutionService service) {
        RUNNING.put(name, service);
        return (uri, timeout, calls, answerLimit) -> RUNNING.get(name);
    }

    synchronized long create(String quantity) {
        long id = nextId++;
        executions.put(id, new ExecutionState(id, new BigDecimal(quantity), BigDecimal.ZERO, null, 1, "NEW"));
        return id;
    }

    synchronized ExecutionState stored(long id) {
        return executions.get(id);
    }

    /** A write made by someone else, as the real service would take it. */
    synchronized void writeElsewhere(long id, String quantityFilled, String averagePrice) {
        ExecutionState state = executions.get(id);
        executions.put(id, new ExecutionState(id, state.quantity(), new BigDecimal(quantityFilled), new BigDecimal(averagePrice),
                state.version() + 1, state.executionStatus()));
    }

    /** Every call answers this until cleared with null (e.g. no connection, or HTTP 503). */
    synchronized void failWith(ExecutionAnswer answer) {
        fault = answer;
    }

    /** Answers wait until {@link #release()}. */
    synchronized void hold() {
        holding = true;
    }

    void release() {
        List<Runnable> answers;
        synchronized (this) {
            holding = false;
            answers = new ArrayList<>(held);
            held.clear();
        }
        answers.forEach(Runnable::run);
    }

    synchronized int requests(String method) {
        return requests.getOrDefault(method, 0);
    }

    synchronized int conflicts() {
        return conflicts;
    }

    @Override
    public CompletableFuture<ExecutionAnswer> read(long executionId, String correlationId) {
        return answer("GET", () -> {
            ExecutionState state = executions.get(executionId);
            return state == null ? new ExecutionAnswer.NotFound() : new ExecutionAnswer.Found(state);
        });
    }

    @Override
    public CompletableFuture<ExecutionAnswer> write(long executionId, ExecutionUpdate update, String correlationId) {
        return answer("PUT", () -> {
            ExecutionState state = executions.get(executionId);
            if (state == null) {
                return new ExecutionAnswer.NotFound();
            }
            if (state.version() != update.version()) {
                conflicts++;
                return new ExecutionAnswer.Refused(500, "stale version " + update.version());
            }
            ExecutionState written = new ExecutionState(executionId, state.quantity(), update.quantityFilled(), update.averagePrice(),
                    state.version() + 1, state.executionStatus());
            executions.put(executionId, written);
            return new ExecutionAnswer.Found(written);
        });
    }

    @Override
    public void close() {}

    private synchronized CompletableFuture<ExecutionAnswer> answer(String method, java.util.function.Supplier<ExecutionAnswer> call) {
        requests.merge(method, 1, Integer::sum);
        CompletableFuture<ExecutionAnswer> answer = new CompletableFuture<>();
        Runnable respond = () -> {
            synchronized (this) {
                answer.complete(fault != null ? fault : call.get());
            }
        };
        if (holding) {
            held.add(respond);
        } else {
            respond.run();
        }
        return answer;
    }
}
