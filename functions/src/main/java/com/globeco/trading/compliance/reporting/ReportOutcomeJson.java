package com.globeco.trading.compliance.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.globeco.trading.messages.JsonFields;
import com.globeco.trading.messages.MessageSchemas;
import com.globeco.trading.messages.Reading;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A report's outcome as the message on {@code regulatory-report-outcomes}: the report, then the answer. */
public final class ReportOutcomeJson {
    private ReportOutcomeJson() {}

    public static String write(ReportOutcome outcome) {
        ObjectNode node = ReportJson.JSON.createObjectNode().put(MessageSchemas.VERSION_FIELD, MessageSchemas.REPORT_OUTCOME);
        node.setAll(ReportJson.write(outcome.report()));
        return node.put("status", outcome.status().name())
                .put("submissionId", outcome.submissionId())
                .put("reasonCode", outcome.reasonCode())
                .put("reason", outcome.reason())
                .put("attempts", outcome.attempts())
                .put("answeredAt", outcome.answeredAt().toString())
                .toString();
    }

    public static Reading<ReportOutcome> read(String message) {
        List<String> violations = new ArrayList<>();
        JsonNode root = JsonFields.object(message, "a report outcome", violations);
        if (root == null) {
            return new Reading.Rejected<>(violations);
        }
        TradeReport report = ReportJson.read(root, violations);
        ReportStatus status = JsonFields.constant(root, "status", ReportStatus.class, violations);
        if (status != null && !status.isAnswer()) {
            violations.add("status must be an answer (ACKNOWLEDGED, REJECTED, FAILED), was " + status);
        }
        Long attempts = JsonFields.wholeNumber(root, "attempts", 0, Integer.MAX_VALUE, violations);
        Instant answeredAt = ReportJson.parsed(root, "answeredAt", Instant::parse, violations);
        if (!violations.isEmpty()) {
            return new Reading.Rejected<>(violations);
        }
        return new Reading.Valid<>(new ReportOutcome(report, status, JsonFields.text(root, "submissionId", false, violations),
                JsonFields.text(root, "reasonCode", false, violations), JsonFields.text(root, "reason", false, violations),
                attempts.intValue(), answeredAt));
    }
}
