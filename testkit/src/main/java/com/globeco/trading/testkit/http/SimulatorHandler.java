package com.globeco.trading.testkit.http;

import java.io.IOException;
import java.io.OutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/** Counts each request from arrival until its reply is ready, applies the injected faults, then the API. */
final class SimulatorHandler implements HttpHandler {

    private final ApiRouter api;
    private final FaultInjection faults;
    private final RequestStats stats;

    SimulatorHandler(ApiRouter api, FaultInjection faults, RequestStats stats) {
        this.api = api;
        this.faults = faults;
        this.stats = stats;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            send(exchange, answer(exchange));
        } finally {
            exchange.close();
        }
    }

    /**
     * The request is in flight until its reply is ready, not until the reply is sent: a client that has its response
     * must never see the request still counted, or a {@code resetStats()} right after it would keep it as in flight.
     */
    private Reply answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        stats.requestArrived(method);
        if (TraceContext.carriedBy(exchange.getRequestHeaders())) {
            stats.traced(exchange.getRequestHeaders().getFirst("traceparent"));
        }
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            return reply(new ApiRequest(method, exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), body));
        } finally {
            stats.requestAnswered();
        }
    }

    private Reply reply(ApiRequest request) {
        if (faults.inOutage()) {
            return Reply.serviceUnavailable(request.path());
        }
        try {
            faults.delay();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.serviceUnavailable(request.path());
        }
        if (faults.injectError()) {
            return Reply.serviceUnavailable(request.path());
        }
        if (faults.wrongAnswer().isPresent()) {
            return faults.wrongAnswer().get();
        }
        try {
            return api.route(request);
        } catch (RuntimeException e) {
            return Reply.internalServerError(request.path());
        }
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
