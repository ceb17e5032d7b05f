package com.globeco.trading.operators.http;

import com.globeco.trading.messages.Reading;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK {@link HttpClient}, its calls completing as futures on a pool of blocking callers as
 * large as the call limit. The client runs its own steps on the thread at hand. Its
 * {@code sendAsync} would hand each response to the common fork-join pool, which on a machine
 * with two cores or fewer starts a new thread per response.
 */
public final class PooledHttp implements AutoCloseable {
    private final ExecutorService callers;
    private final HttpClient http;
    private final HttpResponse.BodyHandler<Reading<String>> bodies;

    public PooledHttp(String name, Duration connectTimeout, int concurrentCalls, AnswerLimit answerLimit) {
        this.callers = Executors.newFixedThreadPool(concurrentCalls, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Runnable::run)
                .connectTimeout(connectTimeout)
                .build();
        this.bodies = BoundedBody.handler(answerLimit);
    }

    /**
     * The response, its body read up to the answer limit (past it the body is refused unread), or the
     * {@link IOException} (timeouts included) that prevented one.
     */
    public CompletableFuture<HttpResponse<Reading<String>>> send(HttpRequest request) {
        return CompletableFuture.supplyAsync(() -> call(request), callers);
    }

    /** {@link #send} on the calling thread, which waits for the answer: for callers that are threads of their own. */
    public HttpResponse<Reading<String>> call(HttpRequest request) {
        try {
            return http.send(request, bodies);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UnreachableException(e);
        }
    }

    @Override
    public void close() {
        callers.shutdownNow();
    }

    /** No HTTP answer came back. */
    public static final class UnreachableException extends RuntimeException {
        UnreachableException(IOException cause) {
            super(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
        }
    }
}
