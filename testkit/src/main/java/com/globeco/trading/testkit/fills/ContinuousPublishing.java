package com.globeco.trading.testkit.fills;

import java.util.Iterator;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** A background run of {@link FillPublisher#publishContinuously}; closing it stops the run and flushes. */
public final class ContinuousPublishing implements AutoCloseable {

    private static final long INTERLEAVING_SEED = 7;

    private final FillPublisher publisher;
    private final AtomicLong executionsStarted = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread worker;
    private volatile boolean stopping;

    private static final int CREATORS = 8;

    private final ExecutionsAhead created;

    private ContinuousPublishing(FillPublisher publisher, FillGenerator generator, int executionsInFlight) {
        this.publisher = publisher;
        this.created = new ExecutionsAhead(generator, CREATORS, Math.max(CREATORS, executionsInFlight));
        Iterator<GeneratedExecution> executions = counted(created);
        Interleaving fills = new Interleaving(executions, executionsInFlight, new Random(INTERLEAVING_SEED));
        this.worker = new Thread(() -> publishUntilStopped(fills), "fill-publisher");
        this.worker.setDaemon(true);
    }

    static ContinuousPublishing start(FillPublisher publisher, FillGenerator generator, int executionsInFlight) {
        ContinuousPublishing run = new ContinuousPublishing(publisher, generator, executionsInFlight);
        run.worker.start();
        return run;
    }

    private Iterator<GeneratedExecution> counted(Iterator<GeneratedExecution> executions) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public GeneratedExecution next() {
                executionsStarted.incrementAndGet();
                return executions.next();
            }
        };
    }

    private void publishUntilStopped(Interleaving fills) {
        RatePacer pacer = new RatePacer(publisher.rate());
        try {
            while (!stopping) {
                pacer.awaitSlot();
                publisher.send(fills.next());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!stopping) {
                failure.set(e);
            }
        }
    }

    public long executionsStarted() {
        return executionsStarted.get();
    }

    public long fillsPublished() {
        return publisher.published();
    }

    public boolean isRunning() {
        return worker.isAlive();
    }

    /** Why the run stopped by itself, if it did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    @Override
    public void close() {
        stopping = true;
        worker.interrupt();
        created.close();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.flush();
    }
}
