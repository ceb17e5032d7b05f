package com.globeco.trading.testkit.execution;

import java.io.IOException;
import java.io.OutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/** Counts each request from arrival until its response is sent, applies the injected faults, then the API. */
final class SimulatorHandler implements HttpHandler {

    private final ExecutionApi api;
    private final FaultInjection faults;
    private final SimulatorStats stats;

    SimulatorHandler(ExecutionApi api, FaultInjection faults, SimulatorStats stats) {
        this.api = api;
        this.faults = faults;
        this.stats = stats;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        stats.requestArrived(method);
        if (TraceContext.carriedBy(exchange.getRequestHeaders())) {
            stats.traced();
        }
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            send(exchange, reply(method, exchange.getRequestURI().getPath(), body));
        } finally {
            exchange.close();
            stats.requestAnswered();
        }
    }

    private Reply reply(String method, String path, byte[] body) {
        if (faults.inOutage()) {
            return Reply.serviceUnavailable(path);
        }
        try {
            faults.delay();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.serviceUnavailable(path);
        }
        if (faults.injectError()) {
            return Reply.serviceUnavailable(path);
        }
        return api.handle(method, path, body);
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        if (!reply.hasBody()) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), reply.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body());
        }
    }
}
