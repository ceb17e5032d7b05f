package com.globeco.trading.operators.allocation;

import com.globeco.trading.allocation.Allocation;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.fills.Fill;
import com.globeco.trading.fills.Fills;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Allocate once, in Flink's keyed harness: one allocation per execution, dead letters that leave no mark, and what the
 * expired memory no longer holds the execution table answers.
 */
class AllocateOnceTest {
    private static final String PORTFOLIO = "5f47fd91a9d8ce7c8b6c4d2b";
    private static final long NOW = 1_800_000_000_000L;

    private final BookedInMemory booked = BookedInMemory.none();
    private KeyedOneInputStreamOperatorTestHarness<Long, PortfolioLookup, Allocation> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new AllocateOnce(Duration.ofDays(30), ZoneId.of("America/New_York"), "test", booked), new LookupExecutionKey(), Types.LONG);
        harness.setStateTtlProcessingTime(NOW);
    }

    @Test
    void aClosedExecutionIsAllocatedOnceAndARepeatedClosingFillIsDropped() throws Exception {
        harness.processElement(found(closing(1), 1), NOW);
        harness.processElement(found(closing(1), 2), NOW);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(allocation -> {
            assertThat(allocation.portfolioId()).isEqualTo(PORTFOLIO);
            assertThat(allocation.line().sourceId()).isEqualTo("AC1");
        });
        assertThat(letters()).isEmpty();
    }

    @Test
    void aLookupThatFailedIsDeadLetteredAndTheExecutionStaysUnallocatedForItsReplay() throws Exception {
        harness.processElement(PortfolioLookup.failed(Fills.inbound(closing(2), 0, 1),
                DeadLetterReason.PORTFOLIO_NOT_FOUND, "unknown", false), NOW);
        harness.processElement(found(closing(2), 2), NOW);

        assertThat(letters()).extracting(DeadLetter::reason).containsExactly("PORTFOLIO_NOT_FOUND");
        assertThat(harness.extractOutputValues()).hasSize(1);
    }

    @Test
    void anExecutionTheTableCannotTakeIsDeadLetteredBeforeTheSink() throws Exception {
        Fill fill = closing(3);
        Fill wideTicker = new Fill(fill.id(), fill.executionServiceId(), fill.isOpen(), fill.executionStatus(), fill.tradeType(),
                fill.destination(), fill.securityId(), "A-TICKER-LONGER-THAN-20", fill.quantity(), fill.receivedTimestamp(),
                fill.sentTimestamp(), fill.lastFilledTimestamp(), fill.quantityFilled(), fill.averagePrice(), fill.numberOfFills(),
                fill.totalAmount(), fill.version());

        harness.processElement(found(wideTicker, 1), NOW);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(letters()).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("INVALID_ALLOCATION");
            assertThat(letter.error()).contains("ticker must have 1 to 20 characters");
        });
    }

    @Test
    void aClosedExecutionRedeliveredAfterTheMemoryExpiredIsNotBookedTwice() throws Exception {
        harness.processElement(found(closing(4), 1), NOW);
        booked.executions().add(4L);
        harness.setStateTtlProcessingTime(NOW + Duration.ofDays(31).toMillis());
        harness.processElement(found(closing(4), 2), NOW);
        harness.setStateTtlProcessingTime(NOW + Duration.ofDays(3_650).toMillis());
        harness.processElement(found(closing(4), 3), NOW);

        assertThat(harness.extractOutputValues()).as("31 days and ten years after, the execution table remembers").hasSize(1);
        assertThat(letters()).isEmpty();
    }

    @Test
    void anExecutionTheTableAlreadyHoldsIsNotBookedAgainByAJobWithoutMemory() throws Exception {
        booked.executions().add(5L);

        harness.processElement(found(closing(5), 1), NOW);
        harness.processElement(found(closing(6), 2), NOW);

        assertThat(harness.extractOutputValues()).extracting(allocation -> allocation.lastFill().executionServiceId()).containsExactly(6L);
    }

    private static Fill closing(long execution) {
        return Fills.fill(execution, 3, "1000", "10.5");
    }

    private static PortfolioLookup found(Fill fill, long offset) {
        return PortfolioLookup.found(Fills.inbound(fill, 0, offset), PORTFOLIO);
    }

    private List<DeadLetter> letters() {
        var letters = harness.getSideOutput(AllocateOnce.UNALLOCATED);
        return letters == null ? List.of() : letters.stream().map(StreamRecord::getValue).toList();
    }
}
