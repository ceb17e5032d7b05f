package com.globeco.trading.testkit.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs requests on their own threads, released all at once. */
public final class Concurrently {

    /** One request; returns its HTTP status. */
    @FunctionalInterface
    public interface Request {
        int call(int index) throws Exception;
    }

    private Concurrently() {
    }

    /** Releases {@code count} requests at once and returns their statuses in index order. */
    public static List<Integer> statuses(int count, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<Integer> call = () -> {
                    start.await();
                    return request.call(index);
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
