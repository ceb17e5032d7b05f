package com.globeco.trading.positions;

import com.globeco.trading.messages.Reading;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The coldpath's two messages: backdated trades in, corrections out; each read back as written, and guarded. */
class CorrectionMessagesTest {
    private static final Trade TRADE = new Trade("T-9", "ACC-1:IBM:USD", TradeType.DECREASE, new BigDecimal("60.5"),
            new BigDecimal("12.25"), LocalDate.parse("2026-01-03"), Instant.parse("2026-01-11T10:00:00Z"), null, "corr-9", null, "u1");
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 11);
    private static final Instant NOW = Instant.parse("2026-01-11T12:00:00Z");

    @Test
    void aBackdatedTradeIsReadAsWritten() {
        ProvisionalTrade written = new ProvisionalTrade(TRADE, 7, TaxLotMethod.HIFO);

        Reading<ProvisionalTrade> read = BackdatedTradeJson.read(BackdatedTradeJson.write(written), TODAY, NOW);

        assertThat(read).isEqualTo(new Reading.Valid<>(written));
    }

    @Test
    void aBackdatedTradeWithoutItsVersionOrMethodIsRejected() {
        String payload = BackdatedTradeJson.write(new ProvisionalTrade(TRADE, 7, TaxLotMethod.HIFO))
                .replace("\"provisionalVersion\":7", "\"provisionalVersion\":-1").replace("HIFO", "BEST");

        Reading<ProvisionalTrade> read = BackdatedTradeJson.read(payload, TODAY, NOW);

        assertThat(read).isInstanceOfSatisfying(Reading.Rejected.class, rejected -> assertThat(rejected.violations()).containsExactly(
                "provisionalVersion must be a whole number from 1, was -1",
                "taxLotMethod must be one of [FIFO, LIFO, HIFO], was BEST"));
    }

    @Test
    void aCorrectionIsReadAsWritten() {
        TaxLots lots = TaxLots.none().open("T-1", TODAY.minusDays(6), new BigDecimal("10"), new BigDecimal("90"))
                .repriced(new BigDecimal("11.5")).lots();
        Correction written = new Correction("ACC-1:IBM:USD", 7, CorrectionOutcome.CORRECTED, lots, new BigDecimal("100.00000001"),
                new String[] {"T-3", "T-9"}, null, "corr-9");

        Correction read = ((Reading.Valid<Correction>) CorrectionJson.read(CorrectionJson.write(written))).value();

        assertThat(read).usingRecursiveComparison().isEqualTo(written);
    }

    @Test
    void aRefusedCorrectionCarriesItsReason() {
        Correction written = Correction.refused("ACC-1:IBM:USD", 7, new String[] {"T-9"}, "finds 0 open", "corr-9");

        Correction read = ((Reading.Valid<Correction>) CorrectionJson.read(CorrectionJson.write(written))).value();

        assertThat(read).usingRecursiveComparison().isEqualTo(written);
    }

    @Test
    void lotsNoPositionCouldHoldAreRejected() {
        String negative = "{\"positionKey\":\"ACC-1:IBM:USD\",\"asOfVersion\":3,\"outcome\":\"CORRECTED\",\"backdatedTradeIds\":[\"T\"],"
                + "\"realizedPnlAdjustment\":\"0\",\"lots\":{\"ids\":[\"a\"],\"tradeDays\":[20000],\"prices\":[\"10\"],"
                + "\"quantities\":[\"-5\"],\"referencePrices\":[\"10\"]}}";
        String ragged = negative.replace("\"tradeDays\":[20000]", "\"tradeDays\":[]");

        assertThat(CorrectionJson.read(negative)).isInstanceOfSatisfying(Reading.Rejected.class, rejected ->
                assertThat(rejected.explanation()).isEqualTo("lot 0 must have an id, a trade day from 1900 to 9999 and a positive quantity"));
        assertThat(CorrectionJson.read(ragged)).isInstanceOfSatisfying(Reading.Rejected.class, rejected ->
                assertThat(rejected.explanation()).startsWith("lots are unreadable"));
    }
}
