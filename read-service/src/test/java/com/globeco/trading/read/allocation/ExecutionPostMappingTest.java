package com.globeco.trading.read.allocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.globeco.trading.allocation.ClosedExecution;
import com.globeco.trading.fills.Fill;
import com.globeco.trading.fills.FillReader;
import com.globeco.trading.fills.FillReading;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A posted ExecutionPostDTO as the fill the allocation job reads, and the gate's verdicts: skipped when open, an error
 * with the reasons of FillReader and ClosedExecution.bookingViolations, else ready with that fill.
 */
class ExecutionPostMappingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String RECEIVED = "1748354367.509362";
    private static final String SENT = "1748354368.1";
    private static final String LAST_FILLED = "1748354400";
    private final PostGate gate = new PostGate(NEW_YORK);

    /** A closed execution every rule takes; timestamps as epoch seconds (decimal text is a JSON number). */
    static ObjectNode closed(int executionServiceId) throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"executionServiceId": %d, "orderId": 77, "isOpen": false, "executionStatus": "FULL", "tradeType": "BUY",
                 "destination": "ML", "securityId": "68336002fe95851f0a2aeda9", "ticker": "IBM", "quantity": 1000,
                 "limitPrice": null, "receivedTimestamp": %s, "sentTimestamp": %s, "lastFilledTimestamp": %s,
                 "quantityFilled": 1000.00000000, "totalAmount": 190250.5, "averagePrice": 190.2505}
                """.formatted(executionServiceId, RECEIVED, SENT, LAST_FILLED));
    }

    @Test
    void aClosedExecutionBecomesTheClosingFillTheAllocationJobReads() throws Exception {
        Verdict verdict = gate.judge(closed(41));

        assertThat(verdict.status()).isEqualTo(ItemStatus.ACCEPTED);
        assertThat(verdict.executionServiceId()).isEqualTo(41);
        JsonNode fill = JSON.readTree(verdict.fillJson());
        assertThat(fill.path("executionServiceId").intValue()).isEqualTo(41);
        assertThat(fill.path("isOpen").booleanValue()).isFalse();
        assertThat(fill.path("version").intValue()).isEqualTo(1);
        assertThat(fill.path("source").asText()).isEqualTo("allocation-api");
        assertThat(fill.path("orderId").intValue()).isEqualTo(77);
        assertThat(fill.path("receivedTimestamp").decimalValue()).isEqualByComparingTo(RECEIVED);
        assertThat(fill.path("sentTimestamp").decimalValue()).isEqualByComparingTo(SENT);
        assertThat(fill.path("lastFilledTimestamp").decimalValue()).isEqualByComparingTo(LAST_FILLED);
        assertThat(fill.path("receivedTimestamp").isNumber()).as("epoch seconds, a number").isTrue();

        Fill read = ((FillReading.Valid) new FillReader().read(verdict.fillJson())).fill();
        assertThat(read.executionServiceId()).isEqualTo(41);
        assertThat(read.isOpen()).isFalse();
        assertThat(read.quantityFilled()).isEqualByComparingTo("1000");
        assertThat(read.averagePrice()).isEqualByComparingTo("190.2505");
        assertThat(read.totalAmount()).isEqualByComparingTo("190250.5");
        assertThat(read.tradeType()).isEqualTo("BUY");
        assertThat(read.securityId()).isEqualTo("68336002fe95851f0a2aeda9");
        assertThat(ClosedExecution.bookingViolations(read, NEW_YORK)).isEmpty();
    }

    @Test
    void isoTimestampsWithAnOffsetAreTheSameInstantsAsEpochSeconds() throws Exception {
        ObjectNode iso = closed(42);
        iso.put("receivedTimestamp", "2025-05-27T09:59:27.509362-04:00");
        iso.put("sentTimestamp", "2025-05-27T13:59:28.1Z");
        iso.put("lastFilledTimestamp", "2025-05-27T15:00:00+01:00");

        JsonNode fill = JSON.readTree(gate.judge(iso).fillJson());
        JsonNode fromEpoch = JSON.readTree(gate.judge(closed(42)).fillJson());

        assertThat(fill.path("receivedTimestamp").decimalValue()).isEqualByComparingTo(RECEIVED);
        assertThat(fill.path("sentTimestamp").decimalValue()).isEqualByComparingTo(SENT);
        assertThat(fill.path("lastFilledTimestamp").decimalValue()).isEqualByComparingTo(LAST_FILLED);
        assertThat(fill).isEqualTo(fromEpoch);
        assertThat(Instant.parse("2025-05-27T13:59:27.509362Z").getEpochSecond()).isEqualTo(new BigDecimal(RECEIVED).longValue());
    }

    @Test
    void anOpenExecutionIsSkippedWhateverElseItBreaks() throws Exception {
        ObjectNode open = closed(43).put("isOpen", true).put("tradeType", "HOLD");
        open.remove("averagePrice");

        Verdict verdict = gate.judge(open);

        assertThat(verdict.status()).isEqualTo(ItemStatus.SKIPPED);
        assertThat(verdict.executionServiceId()).isEqualTo(43);
        assertThat(verdict.isReady()).isFalse();
    }

    @Test
    void theFillRulesRefuseWhatTheAllocationJobWouldDeadLetter() throws Exception {
        assertThat(error(closed(44).put("quantityFilled", 1001))).contains("BUSINESS_RULE").contains("exceeds the ordered quantity");
        assertThat(error((ObjectNode) closed(45).without("executionServiceId"))).contains("executionServiceId is required");
        assertThat(error(closed(46).put("averagePrice", 12345))).contains("averagePrice must be greater than 0 and less than 10000");
        assertThat(error(closed(47).put("quantity", new BigDecimal("1000.123456789")))).contains("more than 8 decimal places");
        assertThat(error(closed(48).put("receivedTimestamp", -5))).contains("receivedTimestamp must not be negative");
    }

    @Test
    void theBookingRulesRefuseWhatTheAllocationJobCouldNotBook() throws Exception {
        assertThat(error(closed(50).put("tradeType", "HOLD"))).contains("transaction_type must be one of");
        assertThat(error(closed(51).put("securityId", "IBM"))).contains("security_id must be 24 alphanumeric characters");
        assertThat(error(closed(52).put("destination", "A-VERY-LONG-DESTINATION"))).contains("destination must have 1 to 20 characters");
        assertThat(error((ObjectNode) closed(53).without("sentTimestamp"))).contains("receivedTimestamp and sentTimestamp are required");
        assertThat(error((ObjectNode) closed(54).without("averagePrice"))).contains("averagePrice is required");
    }

    @Test
    void anItemThatIsNoExecutionPostDtoIsAnErrorOfItsOwn() throws Exception {
        assertThat(error((ObjectNode) closed(60).without("isOpen"))).isEqualTo("isOpen is required");
        assertThat(error(closed(61).put("quantity", "many"))).startsWith("not an ExecutionPostDTO");
        assertThat(error(closed(62).put("receivedTimestamp", "yesterday"))).startsWith("not an ExecutionPostDTO");
        assertThat(error(closed(63).put("receivedTimestamp", "2025-05-27T09:59:27"))).as("no offset").startsWith("not an ExecutionPostDTO");
        Verdict fractionalId = gate.judge(closed(64).put("executionServiceId", 64.5));
        assertThat(fractionalId.status()).isEqualTo(ItemStatus.ERROR);
        assertThat(fractionalId.executionServiceId()).isNull();
        assertThat(gate.judge(JSON.readTree("17")).error()).isEqualTo("an execution must be a JSON object");
        assertThat(gate.judge(JSON.readTree("null")).status()).isEqualTo(ItemStatus.ERROR);
    }

    @Test
    void theDtoHasTheSeedsSixteenFieldsByItsNames() {
        assertThat(java.util.Arrays.stream(ExecutionPostDto.class.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName))
                .containsExactly("executionServiceId", "orderId", "isOpen", "executionStatus", "tradeType", "destination",
                        "securityId", "ticker", "quantity", "limitPrice", "receivedTimestamp", "sentTimestamp",
                        "lastFilledTimestamp", "quantityFilled", "totalAmount", "averagePrice");
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        assertThat(gate.judge(closed(65).put("portfolioId", "anything")).status()).isEqualTo(ItemStatus.ACCEPTED);
    }

    private String error(ObjectNode item) {
        Verdict verdict = gate.judge(item);
        assertThat(verdict.status()).as(verdict.toString()).isEqualTo(ItemStatus.ERROR);
        assertThat(verdict.isReady()).isFalse();
        return verdict.error();
    }
}
