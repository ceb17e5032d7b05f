package com.globeco.trading.read.allocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.globeco.trading.read.http.ApiError;
import com.globeco.trading.read.http.Errors;
import com.globeco.trading.read.http.Json;
import com.globeco.trading.read.http.Route;
import com.globeco.trading.read.http.Unavailable;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Seed 001's POSTs: closed executions into the allocation job's exactly-once path (published to its posted-executions
 * topic, never booked here), and a Portfolio Accounting dispatch pass now (asked of the dispatcher, never sent here).
 */
public final class PostRoutes {
    static final String POST = "/api/v1/executions";
    static final String SEND = "/api/v1/executions/send";
    private static final ObjectMapper JSON = Json.mapper();
    private final Optional<ExecutionBatch> batches;
    private final AccountingDispatch dispatch;

    /** @param batches empty when no Kafka is configured: posts answer 503 */
    public PostRoutes(Optional<ExecutionBatch> batches, AccountingDispatch dispatch) {
        this.batches = batches;
        this.dispatch = dispatch;
    }

    public List<Route> routes() {
        return List.of(Route.post(POST, this::post), Route.post(SEND, this::send));
    }

    @OpenApi(path = POST, methods = HttpMethod.POST, operationId = "postExecutions", tags = "allocation",
            summary = "Post 1 to 100 executions: the closed ones are booked by the allocation job, once",
            description = "Open executions (isOpen true) are skipped. A closed one must pass the allocation job's own "
                    + "rules (a fill, then every booking rule but the portfolio's), else it is an error with the reasons; "
                    + "one already booked, or earlier in the batch, is a duplicate. The rest are published to the "
                    + "allocation job's topic (acknowledged by Kafka before the answer): accepted. The job books each once, "
                    + "with its portfolio from the Trade Service (GET /api/v1/executions shows it); one whose portfolio "
                    + "the Trade Service does not know is dead-lettered there. A retry, or the same execution also on "
                    + "the fills topic, is booked once.",
            headers = {
                    @OpenApiParam(name = Correlation.TRACEPARENT, description = "W3C trace context: its trace id is every item's correlationId"),
                    @OpenApiParam(name = Correlation.CORRELATION_HEADER, description = "the correlationId of every item, without traceparent")},
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = ExecutionPostDto[].class)),
            responses = {
                    @OpenApiResponse(status = "202", description = "no item is an error: each accepted, skipped or duplicate",
                            content = @OpenApiContent(from = BatchResponse.class)),
                    @OpenApiResponse(status = "207", description = "some accepted, some errors",
                            content = @OpenApiContent(from = BatchResponse.class)),
                    @OpenApiResponse(status = "400", description = "none accepted and some refused: the items say why. A body "
                            + "that is not a JSON array of 1 to 100 items answers the error body (ApiError) instead",
                            content = @OpenApiContent(from = BatchResponse.class)),
                    @OpenApiResponse(status = "413", description = "the body is above 1 MiB", content = @OpenApiContent(from = ApiError.class)),
                    @OpenApiResponse(status = "503", description = "Kafka is not configured, or the database does not answer; "
                            + "Retry-After. When Kafka failed every item it was given, the body is the BatchResponse (the items say so)",
                            content = @OpenApiContent(from = ApiError.class))})
    public void post(Context ctx) throws IOException, SQLException {
        ExecutionBatch batch = batches.orElseThrow(() -> new Unavailable("Kafka is not configured (KAFKA_BOOTSTRAP_SERVERS): executions cannot be posted"));
        JsonNode body = JSON.readTree(ctx.bodyInputStream());
        ExecutionBatch.Outcome outcome = batch.post(body, Correlation.ofRequest(ctx.header(Correlation.TRACEPARENT), ctx.header(Correlation.CORRELATION_HEADER)));
        if (outcome.kafkaFailed()) {
            ctx.header("Retry-After", String.valueOf(Errors.RETRY_AFTER_SECONDS));
        }
        ctx.status(outcome.httpStatus()).json(outcome.response());
    }

    @OpenApi(path = SEND, methods = HttpMethod.POST, operationId = "sendExecutions", tags = "allocation",
            summary = "Send the Portfolio Accounting files now",
            description = "Asks the Portfolio Accounting dispatcher for a pass now (it also runs one every few seconds): "
                    + "each booked execution's file is handed to the CLI once, by whichever pass finds it first. The seed's "
                    + "path /api/vi/executions/send is a typo for this one.",
            responses = {
                    @OpenApiResponse(status = "200", description = "status sent, or nothing-to-send",
                            content = @OpenApiContent(from = SendResponse.class)),
                    @OpenApiResponse(status = "409", description = "status busy: a pass is under way and sends what it finds",
                            content = @OpenApiContent(from = SendResponse.class)),
                    @OpenApiResponse(status = "502", description = "status failed: the CLI failed a file; it is retried automatically",
                            content = @OpenApiContent(from = SendResponse.class)),
                    @OpenApiResponse(status = "503", description = "the dispatcher cannot be reached; Retry-After",
                            content = @OpenApiContent(from = ApiError.class))})
    public void send(Context ctx) {
        AccountingDispatch.Answer answer = dispatch.dispatchNow();
        ctx.status(answer.httpStatus()).json(answer.body());
    }
}
