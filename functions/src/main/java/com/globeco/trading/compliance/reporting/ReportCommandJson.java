package com.globeco.trading.compliance.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.globeco.trading.messages.Excerpt;
import com.globeco.trading.messages.JsonFields;
import com.globeco.trading.messages.MessageSchemas;
import com.globeco.trading.messages.Reading;
import com.globeco.trading.positions.PositionLimits;
import com.globeco.trading.positions.TradeReader;

import java.util.ArrayList;
import java.util.List;

/** A person's command on {@code regulatory-report-commands}: send a trade's rejected or failed report again. */
public final class ReportCommandJson {
    public static final String RESUBMIT = "RESUBMIT";

    private ReportCommandJson() {}

    public static String resubmit(String positionKey, String tradeId, String requestedBy, String note) {
        return ReportJson.JSON.createObjectNode().put(MessageSchemas.VERSION_FIELD, MessageSchemas.REPORT_COMMAND)
                .put("command", RESUBMIT)
                .put("positionKey", positionKey)
                .put("tradeId", tradeId)
                .put("requestedBy", requestedBy)
                .put("note", note)
                .toString();
    }

    public static Reading<ReportingInput> read(String message) {
        List<String> violations = new ArrayList<>();
        JsonNode root = JsonFields.object(message, "a report command", violations);
        if (root == null) {
            return new Reading.Rejected<>(violations);
        }
        String command = JsonFields.text(root, "command", true, violations);
        if (command != null && !command.equals(RESUBMIT)) {
            violations.add("command must be " + RESUBMIT + ", was " + Excerpt.of(command));
        }
        String positionKey = JsonFields.text(root, "positionKey", true, violations);
        if (positionKey != null && !TradeReader.POSITION_KEY.matcher(positionKey).matches()) {
            violations.add("positionKey must look like ACCOUNT:INSTRUMENT:CCY, was " + Excerpt.of(positionKey));
        }
        String tradeId = JsonFields.identifier(root, "tradeId", PositionLimits.MAX_ID_LENGTH, violations);
        String requestedBy = JsonFields.identifier(root, "requestedBy", PositionLimits.MAX_TEXT_LENGTH, violations);
        String note = JsonFields.text(root, "note", false, violations);
        PositionLimits.checkLength("note", note, PositionLimits.MAX_TEXT_LENGTH, violations);
        if (!violations.isEmpty()) {
            return new Reading.Rejected<>(violations);
        }
        return new Reading.Valid<>(new ReportingInput.Resubmit(positionKey, tradeId, requestedBy, note));
    }
}
