package com.globeco.trading.operators.positions;

import com.globeco.trading.operators.health.WatchedBreakers;
import com.globeco.trading.operators.http.CircuitBreakers;
import com.globeco.trading.operators.http.ServiceCalls;
import com.globeco.trading.positions.ContractOutcome;
import com.globeco.trading.positions.Trade;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The hotpath's calls to the Contract Service: a few callers, each a thread of its own, take the waiting requests,
 * up to a batch at a time, and ask for their contracts in one call. A fast service and a light load make a call a
 * trade; a backlog makes batches, so the calls keep up. The 40 ms budget counts from the call, not from the wait in
 * this queue.
 *
 * <p>One caller at a time gathers a batch: the waiting requests, and those that arrive within the linger after the
 * first, up to the batch size.
 *
 * <p>A call that gets no answer, or a 5xx or 429, is repeated at once, after 10, 20 and 40 ms, as long as the answer
 * can still come within {@value #QUICK_RETRIES_WITHIN_MILLIS} ms of the first call (the seed's hotpath retries). The
 * circuit breaker counts the call's last outcome and is asked when the call is made: while it is open, every request
 * taken is deferred at once. A request that could not be sent within {@link #SEND_WITHIN} is deferred unsent.
 */
final class ContractCallers implements AutoCloseable {
    static final long QUICK_RETRIES_WITHIN_MILLIS = 200;
    static final Duration SEND_WITHIN = Duration.ofSeconds(5);
    private static final long[] BACKOFF_MILLIS = {10, 20, 40};

    private final BlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();
    private final ServiceCalls calls;
    private final ContractCall call;
    private final CircuitBreaker breaker;
    private final int batchSize;
    private final long lingerNanos;
    private final Object gathering = new Object();
    private final long timeoutMillis;
    private final List<Thread> callers = new ArrayList<>();
    private final Map<Deferral, Counter> deferrals = new EnumMap<>(Deferral.class);
    private final Counter callsMade;
    private volatile boolean closed;

    /** Why a request was deferred to the retry topic, as the label {@code reason} of the counter {@code contractDeferrals}. */
    enum Deferral {
        BREAKER_OPEN, CALL_FAILED, ANSWER_REFUSED, NOT_SENT;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Callers whose breaker state, calls made ({@code contractCalls}) and deferrals by reason are metrics of
     * {@code group}.
     */
    ContractCallers(ContractServiceSettings settings, String name, int concurrentCalls, MetricGroup group) {
        this.calls = new ServiceCalls(name, settings.uri(), settings.timeout(), concurrentCalls, settings.answerLimit());
        this.call = new ContractCall(calls, settings.batchSize() > 1);
        this.breaker = CircuitBreakers.afterConsecutiveFailures(name, settings.breakerFailures(), settings.breakerOpenFor());
        this.batchSize = settings.batchSize();
        this.lingerNanos = settings.batchLinger().toNanos();
        this.timeoutMillis = settings.timeout().toMillis();
        this.callsMade = group.counter("contractCalls");
        for (Deferral deferral : Deferral.values()) {
            deferrals.put(deferral, group.addGroup("reason", deferral.label()).counter("contractDeferrals"));
        }
        CircuitBreakers.exportState(group, breaker);
        WatchedBreakers.watch(breaker);
        for (int i = 0; i < concurrentCalls; i++) {
            Thread caller = new Thread(this::callUntilClosed, name + "-call");
            caller.setDaemon(true);
            callers.add(caller);
            caller.start();
        }
    }

    /** The trade's contract, or the reason it has none yet; completes on a caller's thread. */
    CompletableFuture<ContractOutcome> generate(Trade trade) {
        Waiting request = new Waiting(trade, Context.current(), System.nanoTime(), new CompletableFuture<>());
        waiting.add(request);
        return request.outcome;
    }

    @Override
    public void close() {
        closed = true;
        callers.forEach(Thread::interrupt);
        WatchedBreakers.unwatch(breaker);
        calls.close();
    }

    private void callUntilClosed() {
        try {
            while (!closed) {
                List<Waiting> batch = nextBatch();
                if (!batch.isEmpty()) {
                    callFor(batch);
                }
            }
        } catch (InterruptedException | IllegalStateException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next requests to call for, oldest first; those waiting too long are deferred unsent. */
    private List<Waiting> nextBatch() throws InterruptedException {
        List<Waiting> taken = gather();
        long now = System.nanoTime();
        List<Waiting> batch = new ArrayList<>(taken.size());
        for (Waiting request : taken) {
            if (now - request.arrived > SEND_WITHIN.toNanos()) {
                defer(request, Deferral.NOT_SENT, "not sent within " + SEND_WITHIN.toSeconds() + " s: the callers were busy");
            } else {
                batch.add(request);
            }
        }
        return batch;
    }

    /**
     * Up to a batch of waiting requests: those waiting, and those that arrived within the linger since the first. The
     * gatherer sleeps through the linger rather than being woken by each request, then takes what came; one caller
     * gathers at a time, the others call meanwhile.
     */
    private List<Waiting> gather() throws InterruptedException {
        synchronized (gathering) {
            List<Waiting> taken = new ArrayList<>(batchSize);
            Waiting first = waiting.take();
            taken.add(first);
            waiting.drainTo(taken, batchSize - taken.size());
            long left = first.arrived + lingerNanos - System.nanoTime();
            if (taken.size() < batchSize && left > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
                waiting.drainTo(taken, batchSize - taken.size());
            }
            return taken;
        }
    }

    private void callFor(List<Waiting> batch) throws InterruptedException {
        if (!breaker.tryAcquirePermission()) {
            batch.forEach(request -> defer(request, Deferral.BREAKER_OPEN, "circuit breaker open"));
            return;
        }
        long started = System.nanoTime();
        ContractCall.Answer answer;
        try {
            answer = callWithQuickRetries(batch, started);
        } catch (RuntimeException unsendable) {
            breaker.releasePermission();
            batch.forEach(request -> defer(request, Deferral.NOT_SENT, "the call could not be made: " + unsendable));
            return;
        }
        long nanos = System.nanoTime() - started;
        if (answer.allGenerated()) {
            breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
        } else {
            breaker.onError(nanos, TimeUnit.NANOSECONDS, new ContractCallFailed(answer.outcomes().get(0).failure()));
        }
        Deferral reason = answer.worthRepeating() ? Deferral.CALL_FAILED : Deferral.ANSWER_REFUSED;
        for (int i = 0; i < batch.size(); i++) {
            ContractOutcome outcome = answer.outcomes().get(i);
            if (outcome.generated()) {
                batch.get(i).outcome.complete(outcome);
            } else {
                defer(batch.get(i), reason, outcome.failure());
            }
        }
    }

    private ContractCall.Answer callWithQuickRetries(List<Waiting> batch, long started) throws InterruptedException {
        List<Trade> trades = batch.stream().map(Waiting::trade).toList();
        try (Scope traced = batch.get(0).context().makeCurrent()) {
            ContractCall.Answer answer = callOnce(trades);
            for (int retry = 0; answer.worthRepeating() && retry < BACKOFF_MILLIS.length
                    && elapsedMillis(started) + BACKOFF_MILLIS[retry] + timeoutMillis <= QUICK_RETRIES_WITHIN_MILLIS; retry++) {
                TimeUnit.MILLISECONDS.sleep(BACKOFF_MILLIS[retry]);
                answer = callOnce(trades);
            }
            return answer;
        }
    }

    private ContractCall.Answer callOnce(List<Trade> trades) {
        callsMade.inc();
        return call.call(trades);
    }

    private void defer(Waiting request, Deferral reason, String failure) {
        deferrals.get(reason).inc();
        request.outcome.complete(ContractOutcome.failed(request.trade, failure));
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    /** A request, with the trace context it was made in: a call's span is a child of its first trade's. */
    private record Waiting(Trade trade, Context context, long arrived, CompletableFuture<ContractOutcome> outcome) {
    }

    private static final class ContractCallFailed extends RuntimeException {
        ContractCallFailed(String message) {
            super(message, null, false, false);
        }
    }
}
