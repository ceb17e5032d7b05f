package com.globeco.trading.operators.health;

import com.globeco.trading.health.Readiness;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code GET /health/ready} on a port of its own: 200 and the state of each dependency while all are up, 503 naming
 * those that are down otherwise ({@link Readiness}). Anything else is 404. Kubernetes' readiness probe asks it.
 */
public final class ReadinessEndpoint implements AutoCloseable {
    public static final String PATH = "/health/ready";

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "readiness-endpoint");
        thread.setDaemon(true);
        return thread;
    });
    private final DependencyHealth health;

    private ReadinessEndpoint(int port, DependencyHealth health) throws IOException {
        this.health = health;
        server = HttpServer.create(new InetSocketAddress(port), 16);
        server.createContext("/", this::answer);
        server.setExecutor(handlers);
        server.start();
    }

    /** Serving at once on {@code port} (0 for an ephemeral one); closing it closes {@code health}. */
    public static ReadinessEndpoint start(int port, DependencyHealth health) {
        try {
            return new ReadinessEndpoint(port, health);
        } catch (IOException e) {
            health.close();
            throw new UncheckedIOException("the readiness endpoint cannot listen on port " + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Readiness readiness = health.readiness();
            byte[] body = readiness.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(readiness.httpStatus(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        health.close();
    }
}
