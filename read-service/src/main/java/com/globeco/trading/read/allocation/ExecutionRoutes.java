package com.globeco.trading.read.allocation;

import com.globeco.trading.read.http.ApiError;
import com.globeco.trading.read.http.NotFound;
import com.globeco.trading.read.http.Params;
import com.globeco.trading.read.http.Route;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;

import java.sql.SQLException;
import java.util.List;

/** Seed 001's GET API on the Allocation Service's database: the executions, newest first, and one by id. */
public final class ExecutionRoutes {
    static final String LIST = "/api/v1/executions";
    static final String ONE = "/api/v1/execution/{id}";
    private final ExecutionRows rows;

    public ExecutionRoutes(ExecutionRows rows) {
        this.rows = rows;
    }

    public List<Route> routes() {
        return List.of(Route.get(LIST, this::list), Route.get(ONE, this::one));
    }

    @OpenApi(path = LIST, methods = HttpMethod.GET, operationId = "listExecutions", tags = "allocation",
            summary = "Executions, newest first (ORDER BY id DESC)",
            description = "Paged by limit and offset, or by keyset with beforeId (only ids below it). A full page "
                    + "carries a Link header to the next one (rel=\"next\", by beforeId).",
            queryParams = {
                    @OpenApiParam(name = "limit", type = Integer.class, description = "1 to 1000, default 50"),
                    @OpenApiParam(name = "offset", type = Long.class, description = ">= 0, default 0"),
                    @OpenApiParam(name = "beforeId", type = Integer.class, description = "only executions with an id below it")},
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = ExecutionDto[].class),
                            headers = @OpenApiParam(name = "Link", description = "<...beforeId=N>; rel=\"next\" on a full page")),
                    @OpenApiResponse(status = "400", description = "a parameter out of range or not an integer",
                            content = @OpenApiContent(from = ApiError.class)),
                    @OpenApiResponse(status = "503", description = "the database does not answer; Retry-After",
                            content = @OpenApiContent(from = ApiError.class))})
    public void list(Context ctx) throws SQLException {
        ExecutionPage page = ExecutionPage.of(ctx.queryParam("limit"), ctx.queryParam("offset"), ctx.queryParam("beforeId"));
        List<ExecutionDto> executions = rows.page(page);
        if (executions.size() == page.limit()) {
            ExecutionPage next = page.after(executions.get(executions.size() - 1).id());
            ctx.header("Link", "<" + LIST + "?limit=" + next.limit() + "&beforeId=" + next.beforeId().orElseThrow() + ">; rel=\"next\"");
        }
        ctx.json(executions);
    }

    @OpenApi(path = ONE, methods = HttpMethod.GET, operationId = "getExecution", tags = "allocation",
            summary = "One execution by id",
            pathParams = @OpenApiParam(name = "id", type = Integer.class, required = true, description = "1 to 2147483647"),
            responses = {
                    @OpenApiResponse(status = "200", content = @OpenApiContent(from = ExecutionDto.class)),
                    @OpenApiResponse(status = "400", description = "not an integer, or out of 1..2147483647",
                            content = @OpenApiContent(from = ApiError.class)),
                    @OpenApiResponse(status = "404", description = "no execution has this id",
                            content = @OpenApiContent(from = ApiError.class)),
                    @OpenApiResponse(status = "503", description = "the database does not answer; Retry-After",
                            content = @OpenApiContent(from = ApiError.class))})
    public void one(Context ctx) throws SQLException {
        int id = Params.id("id", ctx.pathParam("id"));
        ctx.json(rows.byId(id).orElseThrow(() -> new NotFound("no execution with id " + id)));
    }
}
