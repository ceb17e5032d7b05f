package com.globeco.trading.operations.accounting;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dispatcher's counters in the Prometheus text format, at {@code /metrics}: files the CLI accepted, runs on a whole
 * file that failed, and lines the CLI rejected (each also a dead letter, to be corrected and resent).
 */
public final class DispatcherMetrics implements AutoCloseable {
    static final String FILES_SENT = "globeco_accounting_files_sent_total";
    static final String FILE_FAILURES = "globeco_accounting_file_failures_total";
    static final String LINES_REJECTED = "globeco_accounting_lines_rejected_total";
    private final AtomicLong filesSent = new AtomicLong();
    private final AtomicLong fileFailures = new AtomicLong();
    private final AtomicLong linesRejected = new AtomicLong();
    private HttpServer server;

    void record(List<AccountingFileDispatcher.Result> results) {
        for (AccountingFileDispatcher.Result result : results) {
            (result.sent() ? filesSent : fileFailures).incrementAndGet();
            linesRejected.addAndGet(result.rejected().size());
        }
    }

    String render() {
        return counter(FILES_SENT, "Allocation files the Portfolio Accounting CLI accepted (exit 0), rejected lines or not.", filesSent)
                + counter(FILE_FAILURES, "CLI runs on a whole file that failed (non-zero exit, timeout); the file is retried.", fileFailures)
                + counter(LINES_REJECTED, "Allocation lines the CLI rejected; each is an ACCOUNTING_REJECTED dead letter.", linesRejected);
    }

    /** Serves {@link #render} at {@code http://<any>:port/metrics}. */
    DispatcherMetrics serve(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = render().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return this;
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String counter(String name, String help, AtomicLong value) {
        return "# HELP " + name + " " + help + "\n# TYPE " + name + " counter\n" + name + " " + value.get() + "\n";
    }
}
