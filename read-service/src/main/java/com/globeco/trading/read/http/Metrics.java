package com.globeco.trading.read.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.concurrent.TimeUnit;

/** Prometheus text at /metrics: the JVM, the pools (Hikari) and every request timed by route and status. */
public final class Metrics {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String STARTED = "read-service.started";
    private static final String UNMATCHED = "unmatched";
    private final PrometheusMeterRegistry registry;

    public Metrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @OpenApi(path = "/metrics", methods = HttpMethod.GET, operationId = "metrics", tags = "health",
            summary = "Prometheus metrics",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(type = "text/plain", from = String.class)))
    public void scrape(Context ctx) {
        ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape());
    }

    /** Times every request, labelled by its route's path (never the raw path) and status. */
    public void timeRequests(Javalin app) {
        app.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        app.after(ctx -> {
            Long started = ctx.attribute(STARTED);
            if (started != null) {
                Timer.builder("http.server.requests")
                        .tag("method", ctx.method().name())
                        .tag("route", route(ctx))
                        .tag("status", String.valueOf(ctx.statusCode()))
                        .register(registry)
                        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        });
    }

    private static String route(Context ctx) {
        String path = ctx.endpointHandlerPath();
        return path == null || path.isEmpty() || "*".equals(path) ? UNMATCHED : path;
    }
}
