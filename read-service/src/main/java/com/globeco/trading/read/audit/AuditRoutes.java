package com.globeco.trading.read.audit;

import com.globeco.trading.read.http.ApiError;
import com.globeco.trading.read.http.BadRequest;
import com.globeco.trading.read.http.Params;
import com.globeco.trading.read.http.Route;
import com.globeco.trading.read.positions.PositionParams;
import com.globeco.trading.schema.audit.AuditQuery;
import com.globeco.trading.schema.audit.AuditRows;
import com.globeco.trading.schema.audit.ExportFormat;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The audit queries of {@code ./platform audit} over HTTP, each streamed as JSON lines (the default) or CSV
 * ({@code format=csv}, as a file to save): a position's events and complete trail, a correlation id's events and
 * trail, a user's events, and the events or trail of a period (at most {@value AuditPeriod#MAX_DAYS} days). Every
 * parameter is checked before the first byte; an export gets {@value #EXPORT_TIMEOUT} for its statement.
 */
public final class AuditRoutes {
    static final String POSITION_EVENTS = "/api/v1/audit/positions/{key}/events";
    static final String POSITION_TRAIL = "/api/v1/audit/positions/{key}/trail";
    static final String CORRELATION_EVENTS = "/api/v1/audit/correlations/{correlationId}/events";
    static final String CORRELATION_TRAIL = "/api/v1/audit/correlations/{correlationId}/trail";
    static final String USER_EVENTS = "/api/v1/audit/users/{userId}/events";
    static final String EVENTS = "/api/v1/audit/events";
    static final String TRAIL = "/api/v1/audit/trail";
    static final String EXPORT_TIMEOUT = "30s";

    private final DataSource positions;

    public AuditRoutes(DataSource positions) {
        this.positions = positions;
    }

    public List<Route> routes() {
        return List.of(Route.get(POSITION_EVENTS, this::positionEvents), Route.get(POSITION_TRAIL, this::positionTrail),
                Route.get(CORRELATION_EVENTS, this::correlationEvents), Route.get(CORRELATION_TRAIL, this::correlationTrail),
                Route.get(USER_EVENTS, this::userEvents), Route.get(EVENTS, this::events), Route.get(TRAIL, this::trail));
    }

    /** The query's rows as the format asks; the format is read before the query runs, so a bad one is a 400. */
    private void export(Context ctx, AuditQuery query, String name) throws SQLException, IOException {
        ExportFormat format = format(ctx.queryParam("format"));
        try (Connection connection = positions.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement timeout = connection.createStatement()) {
                timeout.execute("SET LOCAL statement_timeout = '" + EXPORT_TIMEOUT + "'");
            }
            if (format == ExportFormat.CSV) {
                ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"audit-" + name + ".csv\"");
            } else {
                ctx.contentType("application/x-ndjson; charset=utf-8");
            }
            Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
            new AuditRows(connection).write(query, format.writer(out));
        }
    }

    private static ExportFormat format(String raw) {
        if (raw == null) {
            return ExportFormat.JSONL;
        }
        return ExportFormat.exportNamed(raw).orElseThrow(() -> new BadRequest("format is jsonl or csv, got '" + Params.echoed(raw) + "'"));
    }

    @OpenApi(path = POSITION_EVENTS, methods = HttpMethod.GET, operationId = "auditPositionEvents", tags = "audit",
            summary = "A position's events by version (position_history)",
            pathParams = @OpenApiParam(name = "key", required = true, description = "ACCOUNT:INSTRUMENT:CCY"),
            queryParams = @OpenApiParam(name = "format", description = "jsonl (default) or csv"),
            responses = {
                    @OpenApiResponse(status = "200", content = {@OpenApiContent(type = "application/x-ndjson"), @OpenApiContent(type = "text/csv")}),
                    @OpenApiResponse(status = "400", description = "a malformed key or format", content = @OpenApiContent(from = ApiError.class)),
                    @OpenApiResponse(status = "503", description = "the database does not answer; Retry-After", content = @OpenApiContent(from = ApiError.class))})
    public void positionEvents(Context ctx) throws SQLException, IOException {
        export(ctx, AuditQuery.position(PositionParams.positionKey(ctx.pathParam("key"))), "events");
    }

    @OpenApi(path = POSITION_TRAIL, methods = HttpMethod.GET, operationId = "auditPositionTrail", tags = "audit",
            summary = "A position's complete trail: events, reports, submissions, break tickets (audit_trail)",
            pathParams = @OpenApiParam(name = "key", required = true, description = "ACCOUNT:INSTRUMENT:CCY"),
            queryParams = @OpenApiParam(name = "format", description = "jsonl (default) or csv"),
            responses = {
                    @OpenApiResponse(status = "200", content = {@OpenApiContent(type = "application/x-ndjson"), @OpenApiContent(type = "text/csv")}),
                    @OpenApiResponse(status = "400", description = "a malformed key or format", content = @OpenApiContent(from = ApiError.class)),
                    @OpenApiResponse(status = "503", description = "the database does not answer; Retry-After", content = @OpenApiContent(from = ApiError.class))})
    public void positionTrail(Context ctx) throws SQLException, IOException {
        export(ctx, AuditQuery.trailOfPosition(PositionParams.positionKey(ctx.pathParam("key"))), "trail");
    }

    @OpenApi(path = CORRELATION_EVENTS, methods = HttpMethod.GET, operationId = "auditCorrelationEvents", tags = "audit",
            summary = "Every event a correlation id touched, in time order (correlation_trail)",
            pathParams = @OpenApiParam(name = "correlationId", required = true),
            queryParams = @OpenApiParam(name = "format", description = "jsonl (default) or csv"),
            responses = {
                    @OpenApiResponse(status = "200", content = {@OpenApiContent(type = "application/x-ndjson"), @OpenApiContent(type = "text/csv")}),
                    @OpenApiResponse(status = "400", description = "a malformed id or format", content = @OpenApiContent(from = ApiError.class)),
                    @OpenApiResponse(status = "503", description = "the database does not answer; Retry-After", content = @OpenApiContent(from = ApiError.class))})
    public void correlationEvents(Context ctx) throws SQLException, IOException {
        export(ctx, AuditQuery.correlation(AuditParams.identifier("correlationId", ctx.pathParam("correlationId"))), "events");
    }

    @OpenApi(path = CORRELATION_TRAIL, methods = HttpMethod.GET, operationId = "auditCorrelationTrail", tags = "audit",
            summary = "A correlation id's trail: its events and its trades' reports and submissions",
            pathParams = @OpenApiParam(name = "correlationId", required = true),
            queryParams = @OpenApiParam(name = "format", description = "jsonl (default) or csv"),
            responses = {
                    @OpenApiResponse(status = "200", content = {@OpenApiContent(type = "application/x-ndjson"), @OpenApiContent(type = "text/csv")}),
                    @OpenApiResponse(status = "400", description = "a malformed id or format", content = @OpenApiContent(from = ApiError.class)),
                    @OpenApiResponse(status = "503", description = "the database does not answer; Retry-After", content = @OpenApiContent(from = ApiError.class))})
    public void correlationTrail(Context ctx) throws SQLException, IOException {
        export(ctx, AuditQuery.trailOfCorrelation(AuditParams.identifier("correlationId", ctx.pathParam("correlationId"))), "trail");
    }

    @OpenApi(path = USER_EVENTS, methods = HttpMethod.GET, operationId = "auditUserEvents", tags = "audit",
            summary = "The events a user (a person, or service:<job>) initiated in a period (events_by_user)",
            pathParams = @OpenApiParam(name = "userId", required = true),
            queryParams = {
                    @OpenApiParam(name = "from", required = true, description = "an ISO-8601 instant, included"),
                    @OpenApiParam(name = "to", required = true, description = "an ISO-8601 instant, excluded; at most 31 days after from"),
                    @OpenApiParam(name = "format", description = "jsonl (default) or csv")},
            responses = {
                    @OpenApiResponse(status = "200", content = {@OpenApiContent(type = "application/x-ndjson"), @OpenApiContent(type = "text/csv")}),
                    @OpenApiResponse(status = "400", description = "a malformed id, period or format", content = @OpenApiContent(from = ApiError.class)),
                    @OpenApiResponse(status = "503", description = "the database does not answer; Retry-After", content = @OpenApiContent(from = ApiError.class))})
    public void userEvents(Context ctx) throws SQLException, IOException {
        export(ctx, AuditQuery.user(AuditParams.identifier("userId", ctx.pathParam("userId")), AuditPeriod.of(ctx.queryParam("from"), ctx.queryParam("to"))), "events");
    }

    @OpenApi(path = EVENTS, methods = HttpMethod.GET, operationId = "auditEvents", tags = "audit",
            summary = "The events that occurred in a period (events_by_time)",
            queryParams = {
                    @OpenApiParam(name = "from", required = true, description = "an ISO-8601 instant, included"),
                    @OpenApiParam(name = "to", required = true, description = "an ISO-8601 instant, excluded; at most 31 days after from"),
                    @OpenApiParam(name = "format", description = "jsonl (default) or csv")},
            responses = {
                    @OpenApiResponse(status = "200", content = {@OpenApiContent(type = "application/x-ndjson"), @OpenApiContent(type = "text/csv")}),
                    @OpenApiResponse(status = "400", description = "a malformed period or format", content = @OpenApiContent(from = ApiError.class)),
                    @OpenApiResponse(status = "503", description = "the database does not answer; Retry-After", content = @OpenApiContent(from = ApiError.class))})
    public void events(Context ctx) throws SQLException, IOException {
        export(ctx, AuditQuery.between(AuditPeriod.of(ctx.queryParam("from"), ctx.queryParam("to"))), "events");
    }

    @OpenApi(path = TRAIL, methods = HttpMethod.GET, operationId = "auditTrail", tags = "audit",
            summary = "The complete trail of every position over a period (audit_trail)",
            queryParams = {
                    @OpenApiParam(name = "from", required = true, description = "an ISO-8601 instant, included"),
                    @OpenApiParam(name = "to", required = true, description = "an ISO-8601 instant, excluded; at most 31 days after from"),
                    @OpenApiParam(name = "format", description = "jsonl (default) or csv")},
            responses = {
                    @OpenApiResponse(status = "200", content = {@OpenApiContent(type = "application/x-ndjson"), @OpenApiContent(type = "text/csv")}),
                    @OpenApiResponse(status = "400", description = "a malformed period or format", content = @OpenApiContent(from = ApiError.class)),
                    @OpenApiResponse(status = "503", description = "the database does not answer; Retry-After", content = @OpenApiContent(from = ApiError.class))})
    public void trail(Context ctx) throws SQLException, IOException {
        export(ctx, AuditQuery.trailBetween(AuditPeriod.of(ctx.queryParam("from"), ctx.queryParam("to"))), "trail");
    }
}
