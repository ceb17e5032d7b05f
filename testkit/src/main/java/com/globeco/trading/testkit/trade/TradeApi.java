package com.globeco.trading.testkit.trade;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.globeco.trading.testkit.http.ApiRequest;
import com.globeco.trading.testkit.http.ApiRouter;
import com.globeco.trading.testkit.http.Reply;

/**
 * The Trade Service's {@code GET /api/v2/executions?executionServiceId=N}: a page of the matching executions (none
 * for an unknown id), 400 without a numeric executionServiceId, 405 for another method, 404 elsewhere; the errors
 * with Spring Boot's JSON error body.
 */
final class TradeApi implements ApiRouter {

    private static final String EXECUTIONS = "/api/v2/executions";
    private static final String EXECUTION_SERVICE_ID = "executionServiceId";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final TradeStore store;

    TradeApi(TradeStore store) {
        this.store = store;
    }

    @Override
    public Reply route(ApiRequest request) {
        String path = request.path();
        if (!path.equals(EXECUTIONS)) {
            return Reply.error(404, "Not Found", path);
        }
        if (!request.method().equals("GET")) {
            return Reply.error(405, "Method Not Allowed", path);
        }
        Optional<Long> executionServiceId = executionServiceId(request);
        if (executionServiceId.isEmpty()) {
            return Reply.error(400, "Bad Request", path);
        }
        List<ExecutionPage.TradeExecution> found = store.find(executionServiceId.get()).stream().toList();
        try {
            return Reply.json(200, JSON.writeValueAsBytes(ExecutionPage.of(found)));
        } catch (JsonProcessingException e) {
            return Reply.internalServerError(path);
        }
    }

    /** Empty when the parameter is missing, not a whole number, or the query is malformed. */
    private static Optional<Long> executionServiceId(ApiRequest request) {
        try {
            return request.queryParameter(EXECUTION_SERVICE_ID).map(value -> Long.parseLong(value.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
