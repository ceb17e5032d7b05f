package com.globeco.trading.operations.accounting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /dispatch}: a dispatcher pass now, for the Allocation API's {@code POST /api/v1/executions/send}. Answers
 * 200 with {@code status} {@code sent} or {@code nothing-to-send}, 502 {@code failed} when the CLI failed a file (it is
 * retried as ever), 409 {@code busy} while another pass runs; the body lists each file handed over. Served on its own
 * port, which only the read service may reach.
 */
public final class DispatchControl implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AccountingFileDispatcher dispatcher;
    private final DispatcherMetrics metrics;
    private HttpServer server;

    public DispatchControl(AccountingFileDispatcher dispatcher, DispatcherMetrics metrics) {
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    public DispatchControl serve(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/dispatch", this::handle);
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            answer(exchange, 405, JSON.createObjectNode().put("status", "method-not-allowed"));
            return;
        }
        Optional<List<AccountingFileDispatcher.Result>> pass = dispatcher.dispatchNow();
        if (pass.isEmpty()) {
            answer(exchange, 409, JSON.createObjectNode().put("status", "busy")
                    .put("message", "a dispatch pass is under way; the files it finds are sent by it"));
            return;
        }
        List<AccountingFileDispatcher.Result> results = pass.get();
        metrics.record(results);
        boolean failed = results.stream().anyMatch(result -> !result.sent());
        ObjectNode body = JSON.createObjectNode().put("status", failed ? "failed" : results.isEmpty() ? "nothing-to-send" : "sent");
        ArrayNode files = body.putArray("files");
        for (AccountingFileDispatcher.Result result : results) {
            files.addObject().put("file", result.file().getFileName().toString()).put("sent", result.sent())
                    .put("detail", result.detail()).put("rejectedLines", result.rejected().size());
        }
        answer(exchange, failed ? 502 : 200, body);
    }

    private static void answer(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
