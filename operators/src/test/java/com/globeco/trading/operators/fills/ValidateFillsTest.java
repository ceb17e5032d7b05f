package com.globeco.trading.operators.fills;

import com.globeco.trading.fills.ConfirmationRecord;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.fills.ValidatedFill;
import com.globeco.trading.fills.Outcome;
import com.globeco.trading.messages.SourceMessage;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fill gate in Flink's harness: a valid fill goes on; a broken one is an INVALID audit record and a dead letter. */
class ValidateFillsTest {
    private static final String VALID = """
            {"id":11,"executionServiceId":27,"isOpen":false,"executionStatus":"FULL","tradeType":"BUY",\
            "destination":"ML","securityId":"68336002fe95851f0a2aeda9","ticker":"IBM","quantity":1000,\
            "receivedTimestamp":1748354367.509362,"sentTimestamp":1748354367.512467,\
            "quantityFilled":1000,"averagePrice":190.4096,"numberOfFills":3,"version":1}""";

    private OneInputStreamOperatorTestHarness<SourceMessage, ValidatedFill> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forProcessFunction(new ValidateFills("test"));
    }

    @Test
    void aValidFillGoesOnWithItsMessageAndAStableCorrelationId() throws Exception {
        harness.processElement(message(5, VALID), 0);
        harness.processElement(message(5, VALID), 0);

        assertThat(harness.extractOutputValues()).hasSize(2).allSatisfy(inbound -> {
            assertThat(inbound.fill().executionServiceId()).isEqualTo(27);
            assertThat(inbound.message().offset()).isEqualTo(5);
        });
        assertThat(harness.extractOutputValues().get(0).correlationId()).isEqualTo(harness.extractOutputValues().get(1).correlationId());
    }

    @Test
    void aBrokenFillIsAnInvalidAuditRecordAndADeadLetterWithItsCategory() throws Exception {
        harness.processElement(message(6, VALID.replace("\"quantity\":1000", "\"quantity\":1e999999999")), 0);
        harness.processElement(message(7, "{\"executionServiceId\":"), 0);
        harness.processElement(message(8, VALID.replace("\"ticker\":\"IBM\"", "\"ticker\":\"I\\u0000BM\"")), 0);

        assertThat(harness.extractOutputValues()).isEmpty();
        List<ConfirmationRecord> invalid = harness.getSideOutput(ValidateFills.INVALID).stream().map(StreamRecord::getValue).toList();
        assertThat(invalid).extracting(ConfirmationRecord::outcome).containsOnly(Outcome.INVALID).hasSize(3);
        List<DeadLetter> letters = harness.getSideOutput(ValidateFills.REJECTED).stream().map(StreamRecord::getValue).toList();
        assertThat(letters).extracting(DeadLetter::sourceOffset, DeadLetter::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(6L, "OUT_OF_RANGE"),
                org.assertj.core.groups.Tuple.tuple(7L, "MALFORMED_JSON"),
                org.assertj.core.groups.Tuple.tuple(8L, "OUT_OF_RANGE"));
        assertThat(letters.get(0).error()).contains("quantity must be below 10000000000");
    }

    private static SourceMessage message(long offset, String payload) {
        return new SourceMessage("fills", 0, offset, 0, payload);
    }
}
