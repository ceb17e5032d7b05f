package com.globeco.trading.read.allocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.globeco.trading.read.http.BadRequest;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One POST of executions: each item through the {@link PostGate}; those ready and neither booked already nor earlier
 * in the batch published (every send awaited); the outcome of each.
 */
public final class ExecutionBatch {
    public static final int MAX_ITEMS = 100;
    private final PostGate gate;
    private final BookedExecutions booked;
    private final PostedExecutionsTopic topic;

    public ExecutionBatch(PostGate gate, BookedExecutions booked, PostedExecutionsTopic topic) {
        this.gate = gate;
        this.booked = booked;
        this.topic = topic;
    }

    /** The batch's outcome and whether Kafka failed any of it. */
    public record Outcome(BatchResponse response, boolean kafkaFailed) {
        static final int ALL_TAKEN = 202;
        static final int MIXED = 207;
        static final int NONE_TAKEN = 400;
        static final int KAFKA_FAILED = 503;

        /**
         * 202 when no item is an error; 207 when some were accepted and some are errors; when none was accepted and
         * some are errors, 503 if Kafka failed them, else 400.
         */
        public int httpStatus() {
            if (response.errorCount() == 0) {
                return ALL_TAKEN;
            }
            if (response.results().stream().anyMatch(result -> result.status() == ItemStatus.ACCEPTED)) {
                return MIXED;
            }
            return kafkaFailed ? KAFKA_FAILED : NONE_TAKEN;
        }
    }

    public Outcome post(JsonNode body, Optional<String> requestCorrelation) throws SQLException {
        List<Verdict> verdicts = withDuplicates(judged(items(body)));
        List<Correlation> correlations = new ArrayList<>();
        List<OutgoingFill> outgoing = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            Correlation correlation = Correlation.of(requestCorrelation,
                    verdict.executionServiceId() == null ? 0 : verdict.executionServiceId());
            correlations.add(correlation);
            if (verdict.isReady()) {
                outgoing.add(new OutgoingFill(verdict.executionServiceId(), verdict.fillJson(), correlation.traceparent()));
            }
        }
        List<Optional<Exception>> failures = outgoing.isEmpty() ? List.of() : topic.publish(outgoing);
        List<ItemResult> results = new ArrayList<>();
        int published = 0;
        for (int item = 0; item < verdicts.size(); item++) {
            Verdict verdict = verdicts.get(item);
            Optional<Exception> failure = verdict.isReady() ? failures.get(published++) : Optional.empty();
            results.add(result(verdict, failure, correlations.get(item).correlationId()));
        }
        return new Outcome(BatchResponse.of(results), failures.stream().anyMatch(Optional::isPresent));
    }

    private static List<JsonNode> items(JsonNode body) {
        if (body == null || !body.isArray()) {
            throw new BadRequest("the body must be a JSON array of ExecutionPostDTO");
        }
        if (body.isEmpty() || body.size() > MAX_ITEMS) {
            throw new BadRequest("a batch holds 1 to " + MAX_ITEMS + " executions, this one " + body.size());
        }
        List<JsonNode> items = new ArrayList<>();
        body.forEach(items::add);
        return items;
    }

    private List<Verdict> judged(List<JsonNode> items) {
        return items.stream().map(gate::judge).toList();
    }

    /** Ready executions already booked, or ready earlier in the batch, become duplicates. */
    private List<Verdict> withDuplicates(List<Verdict> verdicts) throws SQLException {
        Set<Integer> seen = new HashSet<>(booked.among(verdicts.stream().filter(Verdict::isReady).map(Verdict::executionServiceId).toList()));
        List<Verdict> checked = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            checked.add(verdict.isReady() && !seen.add(verdict.executionServiceId()) ? verdict.duplicate() : verdict);
        }
        return checked;
    }

    private static ItemResult result(Verdict verdict, Optional<Exception> publishFailure, String correlationId) {
        if (publishFailure.isPresent()) {
            return new ItemResult(verdict.executionServiceId(), ItemStatus.ERROR,
                    "not published: Kafka did not acknowledge it (" + publishFailure.get().getMessage() + ")",
                    correlationId);
        }
        return new ItemResult(verdict.executionServiceId(), verdict.status(), verdict.error(), correlationId);
    }
}
