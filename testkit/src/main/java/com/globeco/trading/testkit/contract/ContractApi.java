package com.globeco.trading.testkit.contract;

import java.io.IOException;
import java.util.List;
import java.util.Map;
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
 *
 * <p>And {@code POST /api/v1/contracts/batch}: a body {@code {"trades":[...]}} of 1 to {@value #MOST_IN_A_BATCH}
 * such requests is answered 200 with {@code {"contracts":[...]}}, each trade's contract (new or existing) in the order
 * asked; 400 when any request is incomplete or the batch is empty or too large, and nothing is generated.
 */
final class ContractApi implements ApiRouter {

    private static final String CONTRACTS = "/api/v1/contracts";
    private static final String BATCH = "/api/v1/contracts/batch";
    static final int MOST_IN_A_BATCH = 100;

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
        boolean batch = request.path().equals(BATCH);
        if (!batch && !request.path().equals(CONTRACTS)) {
            return Reply.error(404, "Not Found", request.path());
        }
        if (!request.method().equals("POST")) {
            return Reply.error(405, "Method Not Allowed", request.path());
        }
        return batch ? generateBatch(request.body()) : generate(request.body());
    }

    private Reply generateBatch(byte[] body) {
        Optional<List<ContractRequest>> trades = parseBatch(body);
        if (trades.isEmpty()) {
            return Reply.error(400, "Bad Request", BATCH);
        }
        List<Contract> contracts = trades.get().stream().map(trade -> store.generate(trade).contract()).toList();
        try {
            return Reply.json(200, JSON.writeValueAsBytes(Map.of("contracts", contracts)));
        } catch (JsonProcessingException e) {
            return Reply.internalServerError(BATCH);
        }
    }

    /** Empty unless the body is {@code {"trades":[...]}} with 1 to the most requests in a batch, each complete. */
    private static Optional<List<ContractRequest>> parseBatch(byte[] body) {
        try {
            Batch batch = JSON.readValue(body, Batch.class);
            return Optional.ofNullable(batch).map(Batch::trades)
                    .filter(trades -> !trades.isEmpty() && trades.size() <= MOST_IN_A_BATCH)
                    .filter(trades -> trades.stream().allMatch(trade -> trade != null && trade.complete()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private record Batch(List<ContractRequest> trades) {
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
