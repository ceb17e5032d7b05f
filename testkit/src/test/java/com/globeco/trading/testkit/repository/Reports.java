package com.globeco.trading.testkit.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.globeco.trading.compliance.TradeIdentifiers;

/** Report bodies as the regulatory-reporting job sends them, for tests to alter. */
final class Reports {

    /** The reporting entity the regulatory-reporting job uses by default. */
    static final String LEI = TradeIdentifiers.EXAMPLE_LEI;
    static final String OTHER_LEI = "5493001KJTIIGC8Y1R12";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Reports() {
    }

    static String uti(String suffix) {
        return LEI + suffix;
    }

    /** A NEW report of a trade of {@code quantity} at {@code price}, provisional false. */
    static ObjectNode newTrade(String reportId, String uti, String positionKey, String tradeType, String quantity,
            String price, String notional) {
        return JSON.createObjectNode()
                .put("reportId", reportId)
                .put("action", "NEW")
                .put("uti", uti)
                .put("usi", "USI-" + reportId)
                .put("reportingEntity", LEI)
                .put("tradeId", "T-" + reportId)
                .put("positionKey", positionKey)
                .put("tradeType", tradeType)
                .put("quantity", quantity)
                .put("price", price)
                .put("notional", notional)
                .put("effectiveDate", "2025-07-01")
                .put("executedAt", "2025-07-01T13:30:00Z")
                .put("provisional", false)
                .put("submittedBy", "regulatory-reporting")
                .put("correlationId", "corr-" + reportId);
    }

    static ObjectNode newTrade(String reportId, String uti) {
        return newTrade(reportId, uti, "ACC1:AAPL:USD", "NEW_TRADE", "100", "10.5", "1050.0");
    }

    /** The same terms under another action and report id. */
    static ObjectNode as(ObjectNode report, String action, String reportId) {
        return report.deepCopy().put("action", action).put("reportId", reportId);
    }

    /** A CANCEL with only the fields a cancel needs. */
    static ObjectNode cancel(String reportId, String uti) {
        return JSON.createObjectNode()
                .put("reportId", reportId)
                .put("action", "CANCEL")
                .put("uti", uti)
                .put("reportingEntity", LEI);
    }
}
