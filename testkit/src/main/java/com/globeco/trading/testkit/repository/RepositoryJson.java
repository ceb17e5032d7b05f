package com.globeco.trading.testkit.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The repository's answers as JSON: decimals as strings of plain decimals, dates and instants ISO-8601. */
final class RepositoryJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACKNOWLEDGED = "ACKNOWLEDGED";
    private static final String REJECTED = "REJECTED";

    private RepositoryJson() {
    }

    static byte[] acknowledgement(Acknowledgement acknowledgement) {
        return bytes(JSON.createObjectNode()
                .put("status", ACKNOWLEDGED)
                .put("reportId", acknowledgement.reportId())
                .put("uti", acknowledgement.uti())
                .put("submissionId", acknowledgement.submissionId())
                .put("receivedAt", acknowledgement.receivedAt().toString()));
    }

    static byte[] rejection(Rejection rejection) {
        return bytes(JSON.createObjectNode()
                .put("status", REJECTED)
                .put("reportId", rejection.reportId())
                .put("uti", rejection.uti())
                .put("reasonCode", rejection.reasonCode().name())
                .put("reason", rejection.reason()));
    }

    static byte[] trade(RepositoryTrade trade) {
        return bytes(JSON.createObjectNode()
                .put("uti", trade.uti())
                .put("status", trade.status().name())
                .put("lastReportId", trade.lastReportId())
                .put("lastAction", trade.lastAction().name())
                .put("positionKey", trade.positionKey())
                .put("tradeType", trade.tradeType().name())
                .put("quantity", plain(trade.quantity()))
                .put("price", plain(trade.price()))
                .put("notional", plain(trade.notional()))
                .put("effectiveDate", trade.effectiveDate().toString())
                .put("executedAt", trade.executedAt().toString())
                .put("provisional", trade.provisional())
                .put("reports", trade.reports()));
    }

    static byte[] positions(Instant asOf, List<RepositoryPosition> positions) {
        ObjectNode answer = JSON.createObjectNode().put("asOf", asOf.toString());
        ArrayNode rows = answer.putArray("positions");
        for (RepositoryPosition position : positions) {
            rows.addObject()
                    .put("positionKey", position.positionKey())
                    .put("netQuantity", plain(position.netQuantity()))
                    .put("liveTrades", position.liveTrades())
                    .put("latestEffectiveDate", position.latestEffectiveDate().toString());
        }
        return bytes(answer);
    }

    private static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }

    private static byte[] bytes(ObjectNode answer) {
        try {
            return JSON.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written", e);
        }
    }
}
