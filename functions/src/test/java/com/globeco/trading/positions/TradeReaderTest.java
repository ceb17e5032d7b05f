package com.globeco.trading.positions;

import com.globeco.trading.messages.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class TradeReaderTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
    private static final java.time.Instant NOW = java.time.Instant.parse("2025-06-02T15:00:00Z");
    private static final String TRADE = """
            {"tradeId":"T-1","positionKey":"ACC-7:AAPL:USD","tradeType":"NEW_TRADE","quantity":100,"price":189.25,\
            "effectiveDate":"2025-06-02","occurredAt":"2025-06-02T14:30:00Z","contractId":"C-9"}""";
    private final TradeReader reader = new TradeReader(30, 3650, java.time.Duration.ofHours(1));

    @Test
    void readsAValidTradeAndDerivesAStableCorrelationId() {
        Trade trade = ((Reading.Valid<Trade>) reader.read(TRADE, TODAY, NOW)).value();
        Trade again = ((Reading.Valid<Trade>) reader.read(TRADE, TODAY, NOW)).value();

        assertThat(trade.tradeType()).isEqualTo(TradeType.NEW_TRADE);
        assertThat(trade.quantity()).isEqualByComparingTo("100");
        assertThat(trade.effectiveDate()).isEqualTo(TODAY);
        assertThat(trade.correlationId()).isNotBlank().isEqualTo(again.correlationId());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "\"quantity\":100            | \"quantity\":0                  | quantity must be positive and non-zero",
            "\"quantity\":100            | \"quantity\":-5                 | quantity must be positive",
            "\"price\":189.25            | \"price\":0                     | price must be positive and non-zero",
            "\"price\":189.25            | \"price\":1000000               | price must be less than 1000000",
            "\"quantity\":100            | \"quantity\":1.123456789        | quantity has more than 8 decimal places",
            "\"price\":189.25            | \"price\":189.250000001         | price has more than 8 decimal places",
            "\"quantity\":100            | \"quantity\":1000000000.1       | quantity must be at most 1000000000",
            "\"quantity\":100            | \"quantity\":1e999999999        | quantity must be at most 1000000000, was 1E+999999999",
            "\"quantity\":100            | \"quantity\":1e-999999999       | quantity has more than 8 decimal places",
            "\"quantity\":100            | \"quantity\":\"NaN\"            | quantity must be a number",
            "\"occurredAt\":\"2025-06-02T14:30:00Z\" | \"occurredAt\":\"2025-06-02T16:30:00Z\" | is more than PT1H ahead of the clock",
            "\"occurredAt\":\"2025-06-02T14:30:00Z\",  | ''                     | occurredAt is required",
            "\"tradeId\":\"T-1\"         | \"tradeId\":\"T\\u0000-1\"       | tradeId must not contain control characters",
            "\"tradeId\":\"T-1\"         | \"tradeId\":\"T-12345678901234567890123456789012345678901234567890123456789012345\" | tradeId must have at most 64 characters",
            "\"tradeType\":\"NEW_TRADE\" | \"tradeType\":\"SWAP\"          | tradeType must be",
            "ACC-7:AAPL:USD              | acc 7/AAPL                      | positionKey must look like",
            "\"effectiveDate\":\"2025-06-02\" | \"effectiveDate\":\"2025-08-02\" | outside the business-date window",
            "\"effectiveDate\":\"2025-06-02\" | \"effectiveDate\":\"02/06/2025\" | effectiveDate must be a date",
            "\"tradeId\":\"T-1\",         | ''                             | tradeId is required",
            "\"occurredAt\":\"2025-06-02T14:30:00Z\" | \"occurredAt\":\"yesterday\" | occurredAt must be an ISO-8601 instant",
    })
    void rejectsWhatTheValidationGateRejects(String original, String replacement, String reason) {
        Reading<Trade> reading = reader.read(TRADE.replace(original, replacement), TODAY, NOW);

        assertThat(reading).isInstanceOfSatisfying(Reading.Rejected.class,
                rejected -> assertThat(rejected.explanation()).contains(reason));
    }

    @Test
    void rejectsMalformedJson() {
        assertThat(reader.read("{\"tradeId\":", TODAY, NOW)).isInstanceOf(Reading.Rejected.class);
        assertThat(reader.read("[1,2]", TODAY, NOW)).isInstanceOf(Reading.Rejected.class);
        assertThat(reader.read("[".repeat(5_000), TODAY, NOW)).isInstanceOf(Reading.Rejected.class);
    }

    @Test
    void classifiesAgainstThePositionsHistoryAndTheBusinessDate() {
        LocalDate latest = TODAY.minusDays(1);

        assertThat(SequenceStatus.of(TODAY.minusDays(2), latest, TODAY)).isEqualTo(SequenceStatus.BACKDATED);
        assertThat(SequenceStatus.of(latest, latest, TODAY)).isEqualTo(SequenceStatus.CURRENT_DATED);
        assertThat(SequenceStatus.of(TODAY, latest, TODAY)).isEqualTo(SequenceStatus.CURRENT_DATED);
        assertThat(SequenceStatus.of(TODAY.plusDays(3), latest, TODAY)).isEqualTo(SequenceStatus.FORWARD_DATED);
        assertThat(SequenceStatus.of(TODAY.minusDays(30), null, TODAY)).isEqualTo(SequenceStatus.CURRENT_DATED);
    }
}
