package com.globeco.trading.testkit.fills;

import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Executions created ahead of their fills by a few threads, so that creating them (a POST to a real Execution
 * Service, milliseconds each) does not cap the rate the fills are offered at: the iterator hands out executions
 * already created, up to {@code ahead} of them waiting.
 */
final class ExecutionsAhead implements Iterator<GeneratedExecution>, AutoCloseable {
    private final BlockingQueue<GeneratedExecution> created;
    private final ExecutorService creators;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    ExecutionsAhead(FillGenerator generator, int threads, int ahead) {
        this.created = new ArrayBlockingQueue<>(ahead);
        this.creators = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "execution-creator");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < threads; i++) {
            creators.execute(() -> createUntilClosed(generator));
        }
    }

    private void createUntilClosed(FillGenerator generator) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                created.put(generator.nextExecution());
            }
        } catch (InterruptedException closed) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failed) {
            failure.compareAndSet(null, failed);
        }
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    /** The next created execution; waits for one, and fails when creating them failed. */
    @Override
    public GeneratedExecution next() {
        try {
            GeneratedExecution next;
            while ((next = created.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS)) == null) {
                RuntimeException failed = failure.get();
                if (failed != null) {
                    throw failed;
                }
            }
            return next;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an execution", interrupted);
        }
    }

    @Override
    public void close() {
        creators.shutdownNow();
    }
}
