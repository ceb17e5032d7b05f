package com.globeco.trading.operators.positions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.globeco.trading.messages.Reading;
import com.globeco.trading.operators.http.ServiceCalls;
import com.globeco.trading.positions.ContractOutcome;
import com.globeco.trading.positions.ContractServiceJson;
import com.globeco.trading.positions.Trade;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One call to the Contract Service for some trades, made on the calling thread: {@code POST /api/v1/contracts/batch}
 * for all of them, or {@code POST /api/v1/contracts} for one when the service is called a trade at a time. The
 * call carries the first trade's correlation id; each trade in a batch carries its own.
 */
final class ContractCall {
    private static final JsonFactory JSON = new JsonFactory();
    private final ServiceCalls calls;
    private final boolean batches;

    ContractCall(ServiceCalls calls, boolean batches) {
        this.calls = calls;
        this.batches = batches;
    }

    /** What the call made of each trade, in their order; never an exception. */
    Answer call(List<Trade> trades) {
        return calls.call(request(trades), response -> answer(trades, response), unreachable -> unreachable(trades, unreachable));
    }

    HttpRequest request(List<Trade> trades) {
        Trade first = trades.get(0);
        return calls.request(batches ? "/api/v1/contracts/batch" : "/api/v1/contracts", first.correlationId())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(trades)))
                .build();
    }

    static Answer unreachable(List<Trade> trades, String reason) {
        return Answer.failed(trades, reason, true);
    }

    /**
     * Each trade's outcome, and whether the call failed in a way a repeat may not: no answer, or an answer of a
     * service in trouble (5xx, 429). A refused answer or another status is not repeated at once.
     */
    record Answer(List<ContractOutcome> outcomes, boolean worthRepeating) {

        static Answer failed(List<Trade> trades, String reason, boolean worthRepeating) {
            return new Answer(trades.stream().map(trade -> ContractOutcome.failed(trade, reason)).toList(), worthRepeating);
        }

        boolean allGenerated() {
            return outcomes.stream().allMatch(ContractOutcome::generated);
        }
    }

    Answer answer(List<Trade> trades, HttpResponse<Reading<String>> response) {
        int status = response.statusCode();
        if (status != 200 && (batches || status != 201)) {
            return Answer.failed(trades, "Contract Service answered HTTP " + status, status >= 500 || status == 429);
        }
        List<String> tradeIds = trades.stream().map(Trade::tradeId).toList();
        Reading<List<String>> contractIds = batches
                ? response.body().then(body -> ContractServiceJson.contractIds(body, tradeIds))
                : response.body().then(body -> ContractServiceJson.contractId(body, tradeIds.get(0))).map(List::of);
        return contractIds.fold(
                ids -> new Answer(IntStream.range(0, trades.size())
                        .mapToObj(i -> ContractOutcome.generated(trades.get(i), ids.get(i))).toList(), false),
                reason -> Answer.failed(trades, "Contract Service answer refused: " + reason, false));
    }

    /** The request's body, written straight to bytes: {@code {"trades":[...]}} for a batch, the one trade's object otherwise. */
    private byte[] body(List<Trade> trades) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(160 * trades.size() + 16);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            if (batches) {
                json.writeStartObject();
                json.writeArrayFieldStart("trades");
                for (Trade trade : trades) {
                    write(json, trade, true);
                }
                json.writeEndArray();
                json.writeEndObject();
            } else {
                write(json, trades.get(0), false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(JsonGenerator json, Trade trade, boolean withCorrelationId) throws IOException {
        json.writeStartObject();
        json.writeStringField("tradeId", trade.tradeId());
        json.writeStringField("positionKey", trade.positionKey());
        json.writeNumberField("quantity", trade.quantity());
        json.writeNumberField("price", trade.price());
        json.writeStringField("effectiveDate", trade.effectiveDate().toString());
        if (withCorrelationId) {
            json.writeStringField("correlationId", trade.correlationId());
        }
        json.writeEndObject();
    }
}
