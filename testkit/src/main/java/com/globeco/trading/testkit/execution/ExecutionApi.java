package com.globeco.trading.testkit.execution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.globeco.trading.testkit.http.ApiRequest;
import com.globeco.trading.testkit.http.ApiRouter;
import com.globeco.trading.testkit.http.Reply;

/**
 * The Execution Service's REST behaviour: stale versions, unknown paths, non-numeric ids, ids beyond the 32-bit range
 * and malformed JSON all answer 500 like the real service, unknown ids 404 with an empty body; a PUT of the stored
 * totals answers 200 and keeps the version.
 */
final class ExecutionApi implements ApiRouter {

    private static final String HEALTH = "/health";
    private static final String EXECUTIONS = "/api/v1/executions";
    private static final String EXECUTION = "/api/v1/execution/";
    private static final byte[] HEALTHY = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final ExecutionStore store;
    private final PutStats stats;
    private final SecurityService securities;

    ExecutionApi(ExecutionStore store, PutStats stats, SecurityService securities) {
        this.store = store;
        this.stats = stats;
        this.securities = securities;
    }

    @Override
    public Reply route(ApiRequest request) {
        try {
            return route(request.method(), request.path(), request.body());
        } catch (IOException | RuntimeException e) {
            return Reply.internalServerError(request.path());
        }
    }

    private Reply route(String method, String path, byte[] body) throws IOException {
        if ((path.equals(HEALTH) || path.startsWith(HEALTH + "/")) && method.equals("GET")) {
            return Reply.json(200, HEALTHY);
        }
        if (path.equals(EXECUTIONS) && method.equals("POST")) {
            return create(JSON.readValue(body, NewExecution.class));
        }
        if (path.startsWith(EXECUTION)) {
            int id = Integer.parseInt(path.substring(EXECUTION.length()));
            if (method.equals("GET")) {
                return read(id);
            }
            if (method.equals("PUT")) {
                return update(id, JSON.readValue(body, TotalsUpdate.class), path);
            }
        }
        return Reply.internalServerError(path);
    }

    private Reply create(NewExecution spec) throws JsonProcessingException {
        return Reply.json(201, JSON.writeValueAsBytes(ExecutionDto.asPosted(store.create(spec), securities)));
    }

    private Reply read(long id) throws JsonProcessingException {
        var found = store.find(id);
        return found.isPresent() ? dto(200, found.get()) : Reply.empty(404);
    }

    private Reply update(long id, TotalsUpdate update, String path) throws JsonProcessingException {
        ExecutionStore.UpdateResult result = store.update(id, update);
        stats.record(result.outcome());
        return switch (result.outcome()) {
            case UPDATED, UNCHANGED -> dto(200, result.execution());
            case STALE_VERSION -> Reply.internalServerError(path);
            case NOT_FOUND -> Reply.empty(404);
        };
    }

    private Reply dto(int status, StoredExecution execution) throws JsonProcessingException {
        return Reply.json(status, JSON.writeValueAsBytes(ExecutionDto.of(execution, securities)));
    }
}
