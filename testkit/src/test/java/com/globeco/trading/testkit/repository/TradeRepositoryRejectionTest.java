package com.globeco.trading.testkit.repository;

import static com.globeco.trading.testkit.repository.Reports.LEI;
import static com.globeco.trading.testkit.repository.Reports.OTHER_LEI;
import static com.globeco.trading.testkit.repository.Reports.as;
import static com.globeco.trading.testkit.repository.Reports.cancel;
import static com.globeco.trading.testkit.repository.Reports.newTrade;
import static com.globeco.trading.testkit.repository.Reports.uti;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.globeco.trading.testkit.http.SimulatorClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every reason the repository gives for a 422, and that a rejected report leaves nothing behind. */
class TradeRepositoryRejectionTest {

    private static final String REPORTS = "/api/v1/reports";

    private final TradeRepositorySimulator repository = TradeRepositorySimulator.start();
    private final SimulatorClient client = new SimulatorClient(repository.baseUri());

    @AfterEach
    void stop() {
        repository.close();
    }

    private HttpResponse<String> submit(String body) throws Exception {
        return client.send("POST", REPORTS, body);
    }

    /** Asserts a 422 with this reason code and returns the rejection's body. */
    private JsonNode rejected(String body, String reasonCode) throws Exception {
        HttpResponse<String> response = submit(body);
        assertThat(response.statusCode()).as(body).isEqualTo(422);
        JsonNode rejection = SimulatorClient.json(response);
        assertThat(rejection.get("status").asText()).as(body).isEqualTo("REJECTED");
        assertThat(rejection.get("reasonCode").asText()).as(body).isEqualTo(reasonCode);
        assertThat(rejection.get("reason").asText()).as(body).isNotBlank();
        return rejection;
    }

    @Test
    void malformedSubmissionsAreRejectedWithTheirReason() throws Exception {
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put(newTrade("R-1", uti("T1")).without("quantity").toString(), "quantity is required");
        reasons.put(newTrade("R-1", uti("T1")).put("quantity", 100).toString(), "quantity must be a string");
        reasons.put(newTrade("R-1", uti("T1")).put("price", "ten").toString(), "price must be a decimal");
        reasons.put(newTrade("R-1", uti("T1")).put("effectiveDate", "01/07/2025").toString(), "effectiveDate must be a date");
        reasons.put(newTrade("R-1", uti("T1")).put("executedAt", "2025-07-01 13:30").toString(), "executedAt must be an ISO-8601 instant");
        reasons.put(newTrade("R-1", uti("T1")).put("provisional", "no").toString(), "provisional must be true or false");
        reasons.put(newTrade("R-1", uti("T1")).put("action", "MODIFY").toString(), "action must be one of [NEW, AMEND, CANCEL]");
        reasons.put(newTrade("R-1", uti("T1")).put("tradeType", "BUY").toString(), "tradeType must be one of");
        reasons.put(newTrade("R-1", uti("T1")).put("positionKey", "ACC1-AAPL").toString(), "positionKey must look like");
        reasons.put(newTrade("R-1", uti("T1")).put("submitedBy", "x").toString(), "unknown field submitedBy");
        reasons.put(newTrade("R-1", uti("T1")).putNull("uti").toString(), "uti is required");
        reasons.put(newTrade("R-1", uti("T1")).without("provisional").toString(), "provisional is required");

        for (Map.Entry<String, String> body : reasons.entrySet()) {
            JsonNode rejection = rejected(body.getKey(), "MALFORMED");
            assertThat(rejection.get("reason").asText()).as(body.getKey()).contains(body.getValue());
            assertThat(rejection.get("reportId").asText()).as(body.getKey()).isEqualTo("R-1");
        }
        assertThat(repository.acceptedReports()).isZero();
        assertThat(repository.rejections()).hasSize(reasons.size())
                .allMatch(rejection -> rejection.reasonCode() == ReasonCode.MALFORMED);
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsMalformedWithoutIdentifiers() throws Exception {
        for (String body : new String[] {"not json", "[]", "null", "", "{\"reportId\":\"R-1\"} {}"}) {
            JsonNode rejection = rejected(body, "MALFORMED");
            assertThat(rejection.get("reportId").isNull()).as(body).isTrue();
            assertThat(rejection.get("uti").isNull()).as(body).isTrue();
        }
    }

    @Test
    void optionalFieldsMayBeLeftOut() throws Exception {
        ObjectNode minimal = newTrade("R-1", uti("T1"));
        minimal.remove("usi");
        minimal.remove("submittedBy");
        minimal.remove("correlationId");

        assertThat(submit(minimal.toString()).statusCode()).isEqualTo(201);
    }

    @Test
    void aCancelNeedsOnlyItsIdentifiersButEachOfThem() throws Exception {
        submit(newTrade("R-1", uti("T1")).toString());

        rejected(cancel("R-2", uti("T1")).without("reportingEntity").toString(), "MALFORMED");
        assertThat(submit(cancel("R-2", uti("T1")).toString()).statusCode()).isEqualTo(201);
    }

    @Test
    void aReportingEntityThatIsNotAnLeiIsInvalid() throws Exception {
        String wrongCheckDigits = LEI.substring(0, 18) + (LEI.endsWith("00") ? "01" : "00");

        JsonNode rejection = rejected(newTrade("R-1", uti("T1")).put("reportingEntity", wrongCheckDigits).toString(),
                "INVALID_LEI");
        rejected(newTrade("R-2", uti("T2")).put("reportingEntity", "GLOBECO").toString(), "INVALID_LEI");

        assertThat(rejection.get("reportId").asText()).isEqualTo("R-1");
        assertThat(rejection.get("uti").asText()).isEqualTo(uti("T1"));
        assertThat(repository.trade(uti("T1"))).isEmpty();
    }

    @Test
    void aUtiOfOtherCharactersTooLongOrNotStartingWithTheLeiIsInvalid() throws Exception {
        rejected(newTrade("R-1", uti("t1")).toString(), "INVALID_UTI");
        rejected(newTrade("R-2", uti("T-1")).toString(), "INVALID_UTI");
        rejected(newTrade("R-3", uti("1".repeat(33))).toString(), "INVALID_UTI");
        rejected(newTrade("R-4", OTHER_LEI + "T1").toString(), "INVALID_UTI");
        rejected(newTrade("R-5", "").toString(), "INVALID_UTI");

        assertThat(submit(newTrade("R-6", uti("1".repeat(32))).toString()).statusCode()).as("52 characters").isEqualTo(201);
    }

    @Test
    void quantitiesAndPricesAboveZeroAndANotionalOfTheirProductAreRequired() throws Exception {
        rejected(newTrade("R-1", uti("T1"), "ACC1:AAPL:USD", "NEW_TRADE", "0", "10.5", "0").toString(), "INVALID_VALUE");
        rejected(newTrade("R-2", uti("T2"), "ACC1:AAPL:USD", "NEW_TRADE", "100", "-1", "-100").toString(), "INVALID_VALUE");
        JsonNode mismatch = rejected(
                newTrade("R-3", uti("T3"), "ACC1:AAPL:USD", "NEW_TRADE", "3", "0.1", "0.31").toString(), "INVALID_VALUE");

        assertThat(mismatch.get("reason").asText()).isEqualTo("notional must be quantity x price = 0.3, was 0.31");
        assertThat(submit(newTrade("R-4", uti("T4"), "ACC1:AAPL:USD", "NEW_TRADE", "3", "0.1", "0.3000").toString())
                .statusCode()).as("compared by value").isEqualTo(201);
    }

    @Test
    void anAmendOrCancelOfAUtiWithoutALiveTradeIsUnknown() throws Exception {
        rejected(as(newTrade("R-1", uti("T1")), "AMEND", "R-1").toString(), "UNKNOWN_UTI");
        rejected(cancel("R-2", uti("T1")).toString(), "UNKNOWN_UTI");
        submit(newTrade("R-3", uti("T1")).toString());
        submit(cancel("R-4", uti("T1")).toString());

        rejected(cancel("R-5", uti("T1")).toString(), "UNKNOWN_UTI");
        rejected(as(newTrade("R-3", uti("T1")), "AMEND", "R-6").toString(), "UNKNOWN_UTI");
    }

    @Test
    void aNewReportOfALiveUtiIsADuplicate() throws Exception {
        submit(newTrade("R-1", uti("T1")).toString());

        JsonNode rejection = rejected(newTrade("R-2", uti("T1")).toString(), "DUPLICATE_UTI");

        assertThat(rejection.get("reportId").asText()).isEqualTo("R-2");
        assertThat(repository.trade(uti("T1")).orElseThrow().lastReportId()).isEqualTo("R-1");
    }

    @Test
    void theChecksComeInOrderLeiUtiValue() throws Exception {
        ObjectNode everythingWrong = newTrade("R-1", "x", "ACC1:AAPL:USD", "NEW_TRADE", "0", "0", "1")
                .put("reportingEntity", "GLOBECO");

        rejected(everythingWrong.toString(), "INVALID_LEI");
        rejected(everythingWrong.put("reportingEntity", LEI).toString(), "INVALID_UTI");
        rejected(everythingWrong.put("uti", uti("T1")).toString(), "INVALID_VALUE");
    }

    @Test
    void rejectionsAreListedInOrderWithTheirReportIds() throws Exception {
        submit("not json");
        submit(newTrade("R-2", uti("t2")).toString());
        submit(cancel("R-3", uti("T3")).toString());

        assertThat(repository.rejections()).extracting(Rejection::reportId, Rejection::reasonCode).containsExactly(
                tuple(null, ReasonCode.MALFORMED),
                tuple("R-2", ReasonCode.INVALID_UTI),
                tuple("R-3", ReasonCode.UNKNOWN_UTI));
    }
}
