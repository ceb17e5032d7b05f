package com.globeco.trading.positions;

import java.time.Instant;
import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.DeadLetterJson;
import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.messages.FailureText;
import com.globeco.trading.messages.KafkaRecordLimit;
import com.globeco.trading.messages.Reading;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The largest record of each kind a job writes to Kafka, built at the bounds of what it may hold, fits a Kafka record
 * ({@link KafkaRecordLimit}); random records inside the bounds do too. Where a bound is, a record beyond it is refused
 * or cut, never written whole.
 */
class LargestRecordsTest {
    private static final String KEY = "A".repeat(32) + ":" + "I".repeat(32) + ":USD";
    private static final String CORRELATION = "c".repeat(PositionLimits.MAX_TEXT_LENGTH);
    private static final BigDecimal HIGHEST_PRICE = new BigDecimal("999999.99999999");
    private static final BigDecimal LOWEST_PRICE = new BigDecimal("0.00000001");
    private static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Test
    void aPositionTakesNoLotBeyondItsLimit() {
        TaxLots full = lots(PositionLimits.MAX_OPEN_LOTS, new BigDecimal("1"), 64);

        assertThatThrownBy(() -> full.open("T-next", TODAY, BigDecimal.ONE, BigDecimal.ONE))
                .isInstanceOf(LotLimitException.class)
                .satisfies(refused -> assertThat(((TradeRejectedException) refused).reason()).isEqualTo(DeadLetterReason.LOT_LIMIT))
                .hasMessageContaining("would open lot 4001 of a position that may hold 4000");
        assertThat(full.reduce(BigDecimal.ONE, BigDecimal.ONE, TaxLotMethod.FIFO).lots().count()).as("a decrease still applies")
                .isEqualTo(PositionLimits.MAX_OPEN_LOTS - 1);
    }

    @Test
    void theLargestCorrectionFitsAndItsGateTakesIt() {
        Correction largest = Correction.corrected(KEY, Long.MAX_VALUE, new Replay.Result(widestLots(), hugeAmount(), hugeAmount().negate()),
                tradeIds(PendingReplay.MAX_TRADES), CORRELATION);

        String message = CorrectionJson.write(largest);

        assertFits(message);
        assertThat(CorrectionJson.read(message)).isInstanceOf(Reading.Valid.class);
    }

    @Test
    void theLargestRefusedCorrectionFitsWhateverItsReason() {
        String reason = "\u0001".repeat(2_000_000);

        String message = CorrectionJson.write(Correction.refused(KEY, 7, tradeIds(PendingReplay.MAX_TRADES), reason, CORRELATION));

        assertFits(message);
        assertThat(CorrectionJson.read(message)).as("the hotpath's gate takes the cut reason").isInstanceOf(Reading.Valid.class);
    }

    @Test
    void aDecreaseThatClosesEveryLotFits() {
        BigDecimal perLot = new BigDecimal("249999.99999999");
        Position full = new Position(lots(PositionLimits.MAX_OPEN_LOTS, perLot, PositionLimits.MAX_ID_LENGTH), 1,
                PositionStatus.RECONCILED, TODAY, TaxLotMethod.FIFO, null);
        BigDecimal everything = perLot.multiply(BigDecimal.valueOf(PositionLimits.MAX_OPEN_LOTS));
        assertThat(everything).isLessThanOrEqualTo(PositionLimits.MAX_TRADE_QUANTITY);
        Trade decrease = new Trade("D".repeat(64), KEY, TradeType.DECREASE, everything, LOWEST_PRICE, TODAY,
                Instant.parse("2026-06-01T14:30:00Z"), "k".repeat(64), CORRELATION, "x".repeat(128), "u".repeat(128));

        Hotpath.Applied closed = Hotpath.apply(full, KEY, decrease, TODAY);

        assertThat(closed.state().lots().count()).isZero();
        assertFits(EventJson.message(closed.event()));
    }

    @Test
    void theLargestCorrectedEventFits() {
        Position position = new Position(widestLots(), 9, PositionStatus.PROVISIONAL, TODAY, TaxLotMethod.FIFO, null);
        Correction correction = Correction.corrected(KEY, 9, new Replay.Result(widestLots(), hugeAmount(), BigDecimal.ZERO),
                tradeIds(PendingReplay.MAX_TRADES), CORRELATION);

        Hotpath.Applied adopted = Hotpath.adopt(position, correction, List.of(), hugeAmount().negate(), true, Instant.parse("2026-06-01T14:30:00Z"));

        assertFits(EventJson.message(adopted.event()));
    }

    @Test
    void theLargestDeadLetterFits() {
        String payload = "\u0001".repeat(1_048_576);
        DeadLetter letter = DeadLetter.of(new SourceMessage("trade-events", 0, Long.MAX_VALUE, 0, payload), KEY,
                DeadLetterReason.PROCESSING_ERROR, "\"".repeat(1_048_576), CORRELATION, Long.MAX_VALUE);

        assertFits(DeadLetterJson.write(letter));
    }

    @Test
    void theLargestContractRetryFits() {
        Trade trade = new Trade("T".repeat(64), KEY, TradeType.NEW_TRADE, PositionLimits.MAX_TRADE_QUANTITY, HIGHEST_PRICE,
                TODAY, Instant.parse("2026-06-01T14:30:00Z"), null, CORRELATION, "x".repeat(128), "u".repeat(128));

        assertFits(ContractOutcomeJson.write(ContractOutcome.failed(trade, "<html>\u0000".repeat(1_000_000))));
    }

    @Property(tries = 200)
    void aFailureTextIsCutToItsLimitAndKeepsItsStart(@ForAll("failures") String failure) {
        String cut = FailureText.of(failure);

        assertThat(cut.length()).isLessThanOrEqualTo(FailureText.MAX_CHARACTERS);
        String shown = FailureText.CONTROL.matcher(failure).replaceAll("\uFFFD");
        if (failure.length() <= FailureText.MAX_CHARACTERS) {
            assertThat(cut).isEqualTo(shown);
        } else {
            assertThat(shown).startsWith(cut.substring(0, cut.indexOf("... (" + failure.length() + " characters)")));
        }
        DeadLetter letter = DeadLetter.of(new SourceMessage("t", 0, 0, 0, failure), null, DeadLetterReason.PROCESSING_ERROR, failure, null, 0);
        assertFits(DeadLetterJson.write(letter));
    }

    @Property(tries = 60)
    void everyCorrectionWithinTheBoundsFits(@ForAll @IntRange(max = 4_000) int lotCount, @ForAll @IntRange(min = 1, max = 500) int trades,
                                           @ForAll long seed) {
        Random random = new Random(seed);
        String[] ids = IntStream.range(0, lotCount).mapToObj(lot -> "L" + lot + "-" + "x".repeat(random.nextInt(54))).toArray(String[]::new);
        long[] days = IntStream.range(0, lotCount).mapToLong(lot -> FIRST_DAY.toEpochDay() + random.nextInt(60_000)).toArray();
        long[] prices = IntStream.range(0, lotCount).mapToLong(lot -> 1 + (long) (random.nextDouble() * 99_999_999_999_999L)).toArray();
        long[] quantities = IntStream.range(0, lotCount).mapToLong(lot -> 1 + (long) (random.nextDouble() * 249_999_99_999_999L)).toArray();
        TaxLots lots = new TaxLots(ids, days, prices, quantities, prices.clone());
        Correction correction = Correction.corrected(KEY, 1 + random.nextInt(1_000_000),
                new Replay.Result(lots, hugeAmount(), BigDecimal.ZERO), tradeIds(trades), CORRELATION);

        String message = CorrectionJson.write(correction);

        assertFits(message);
        assertThat(CorrectionJson.read(message)).isInstanceOf(Reading.Valid.class);
    }

    @Provide
    Arbitrary<String> failures() {
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(3_000);
        return any.flatMap(text -> Arbitraries.integers().between(1, 400).map(times -> text.repeat(times)));
    }

    private static TaxLots widestLots() {
        return lots(PositionLimits.MAX_OPEN_LOTS, new BigDecimal("2499999.99999999"), PositionLimits.MAX_ID_LENGTH);
    }

    /** {@code count} lots of {@code quantity} each, ids of {@code idLength} characters, dated as far back as a gate lets. */
    private static TaxLots lots(int count, BigDecimal quantity, int idLength) {
        String[] ids = IntStream.range(0, count).mapToObj(lot -> String.format("%0" + idLength + "d", lot)).toArray(String[]::new);
        long[] days = new long[count];
        Arrays.fill(days, FIRST_DAY.toEpochDay());
        long[] costs = new long[count];
        Arrays.fill(costs, TaxLots.fixed(HIGHEST_PRICE));
        long[] quantities = new long[count];
        Arrays.fill(quantities, TaxLots.fixed(quantity));
        return new TaxLots(ids, days, costs, quantities, costs.clone());
    }

    private static String[] tradeIds(int count) {
        return IntStream.range(0, count).mapToObj(trade -> String.format("%064d", trade)).toArray(String[]::new);
    }

    /** A realized P&L no position can exceed: the open quantity at the highest price. */
    private static BigDecimal hugeAmount() {
        return PositionLimits.MAX_OPEN_QUANTITY.multiply(HIGHEST_PRICE).add(new BigDecimal("0.1234567890123456"));
    }

    private static void assertFits(String message) {
        assertThat(message.getBytes(StandardCharsets.UTF_8).length).as("bytes of the record's value").isLessThanOrEqualTo(KafkaRecordLimit.MAX_BYTES);
    }
}
