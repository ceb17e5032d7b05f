package com.globeco.trading.read.http;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Liveness is the process answering; readiness is {@code SELECT 1} answering on every pool within about a second
 * (the pools' connection timeout, then a 1 s query timeout). A database down unreadies the service, never restarts it.
 */
public final class Health {
    private static final int QUERY_TIMEOUT_SECONDS = 1;
    private final Map<String, DataSource> pools;
    private final Errors errors;

    public Health(Map<String, DataSource> pools, Errors errors) {
        this.pools = pools;
        this.errors = errors;
    }

    @OpenApi(path = "/healthz", methods = HttpMethod.GET, operationId = "live", tags = "health",
            summary = "Liveness: the process answers",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Status.class)))
    public void live(Context ctx) {
        ctx.json(new Status(Status.UP, Map.of()));
    }

    @OpenApi(path = "/readyz", methods = HttpMethod.GET, operationId = "ready", tags = "health",
            summary = "Readiness: SELECT 1 answers on every database pool",
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = Status.class)),
                    @OpenApiResponse(status = "503", description = "a database does not answer; Retry-After",
                            content = @OpenApiContent(from = ApiError.class))})
    public void ready(Context ctx) {
        Map<String, String> checks = new LinkedHashMap<>();
        pools.forEach((name, pool) -> checks.put(name, answers(pool) ? Status.UP : Status.DOWN));
        if (checks.containsValue(Status.DOWN)) {
            errors.answer(ctx, Failure.retryLater("not ready", describe(checks), Errors.RETRY_AFTER_SECONDS));
        } else {
            ctx.json(new Status(Status.UP, checks));
        }
    }

    private static boolean answers(DataSource pool) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String describe(Map<String, String> checks) {
        return checks.entrySet().stream().map(check -> check.getKey() + ": " + check.getValue()).collect(Collectors.joining(", "));
    }
}
