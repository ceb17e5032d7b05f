package com.globeco.trading.read.allocation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.globeco.trading.allocation.ClosedExecution;
import com.globeco.trading.fills.FillReader;
import com.globeco.trading.fills.FillReading;
import com.globeco.trading.read.http.Json;

import java.time.ZoneId;
import java.util.List;

/**
 * The rules a posted execution must pass before it is published: an ExecutionPostDTO (else an error naming the field),
 * {@code isOpen} given (true: skipped), then the allocation job's own rules on the fill it becomes: {@link FillReader}
 * and {@link ClosedExecution#bookingViolations} (every booking rule but the portfolio's, which the job learns from the
 * Trade Service). An execution that passes here is booked by the job once the Trade Service knows its portfolio.
 */
public final class PostGate {
    private static final ObjectMapper DTO = Json.mapper().disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    private final FillReader fills = new FillReader();
    private final ZoneId businessZone;

    public PostGate(ZoneId businessZone) {
        this.businessZone = businessZone;
    }

    public Verdict judge(JsonNode item) {
        if (!item.isObject()) {
            return Verdict.error(null, "an execution must be a JSON object");
        }
        Integer executionServiceId = item.path("executionServiceId").canConvertToInt() && item.path("executionServiceId").isIntegralNumber()
                ? item.path("executionServiceId").intValue() : null;
        ExecutionPostDto execution;
        try {
            execution = DTO.treeToValue(item, ExecutionPostDto.class);
        } catch (JsonProcessingException e) {
            return Verdict.error(executionServiceId, "not an ExecutionPostDTO: " + e.getOriginalMessage());
        }
        if (execution.isOpen() == null) {
            return Verdict.error(executionServiceId, "isOpen is required");
        }
        return execution.isOpen() ? Verdict.skipped(execution.executionServiceId()) : judgeClosed(execution);
    }

    private Verdict judgeClosed(ExecutionPostDto execution) {
        String fillJson = FillMessage.of(execution);
        FillReading reading = fills.read(fillJson);
        if (reading instanceof FillReading.Rejected) {
            return Verdict.error(execution.executionServiceId(), ((FillReading.Rejected) reading).explanation());
        }
        List<String> violations = ClosedExecution.bookingViolations(((FillReading.Valid) reading).fill(), businessZone);
        if (!violations.isEmpty()) {
            return Verdict.error(execution.executionServiceId(), String.join("; ", violations));
        }
        return Verdict.ready(execution.executionServiceId(), fillJson);
    }
}
