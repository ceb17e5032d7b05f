package com.globeco.trading.testkit.contract;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.globeco.trading.testkit.http.ApiRequest;
import com.globeco.trading.testkit.http.ApiRouter;
import com.globeco.trading.testkit.http.Reply;

/**
 * The Contract Service's {@code POST /api/v1/contracts}: 201 with a new contract, 200 with the existing one when the
 * trade already has a contract, 400 for a body that is not a JSON object with a tradeId and a positionKey, 405 for
 * another method, 404 elsewhere; the errors with Spring Boot's JSON error body.
 */
final class ContractApi implements ApiRouter {

    private static final String CONTRACTS = "/api/v1/contracts";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final ContractStore store;

    ContractApi(ContractStore store) {
        this.store = store;
    }

    @Override
    public Reply route(ApiRequest request) {
        if (!request.path().equals(CONTRACTS)) {
            return Reply.error(404, "Not Found", request.path());
        }
        return request.method().equals("POST") ? generate(request.body())
                : Reply.error(405, "Method Not Allowed", CONTRACTS);
    }

    private Reply generate(byte[] body) {
        Optional<ContractRequest> trade = parse(body);
        if (trade.isEmpty()) {
            return Reply.error(400, "Bad Request", CONTRACTS);
        }
        ContractStore.Generation generation = store.generate(trade.get());
        try {
            return Reply.json(generation.created() ? 201 : 200, JSON.writeValueAsBytes(generation.contract()));
        } catch (JsonProcessingException e) {
            return Reply.internalServerError(CONTRACTS);
        }
    }

    /** Empty for malformed JSON, a JSON value that is not an object, a wrongly typed field or a missing id. */
    private static Optional<ContractRequest> parse(byte[] body) {
        try {
            return Optional.ofNullable(JSON.readValue(body, ContractRequest.class)).filter(ContractRequest::complete);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
