package com.globeco.trading.positions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class TradeReaderTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
    private static final String TRADE = """
            {"tradeId":"T-1","positionKey":"ACC-7:AAPL:USD","tradeType":"NEW_TRADE","quantity":100,"price":189.25,\
            "effectiveDate":"2025-06-02","occurredAt":"2025-06-02T14:30:00Z","contractId":"C-9"}""";
    private final TradeReader reader = new TradeReader(30, 3650);

    @Test
    void readsAValidTradeAndDerivesAStableCorrelationId() {
        TradeEvent trade = ((TradeReader.Valid) reader.read(TRADE, TODAY)).trade();
        TradeEvent again = ((TradeReader.Valid) reader.read(TRADE, TODAY)).trade();

        assertThat(trade.tradeType()).isEqualTo(TradeType.NEW_TRADE);
        assertThat(trade.quantity()).isEqualByComparingTo("100");
        assertThat(trade.effectiveDay()).isEqualTo(TODAY);
        assertThat(trade.correlationId()).isNotBlank().isEqualTo(again.correlationId());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "\"quantity\":100            | \"quantity\":0                  | quantity must be positive and non-zero",
            "\"quantity\":100            | \"quantity\":-5                 | quantity must be positive",
            "\"price\":189.25            | \"price\":0                     | price must be greater than 0",
            "\"price\":189.25            | \"price\":1000000               | price must be greater than 0",
            "\"tradeType\":\"NEW_TRADE\" | \"tradeType\":\"SWAP\"          | tradeType must be",
            "ACC-7:AAPL:USD              | acc 7/AAPL                      | positionKey must look like",
            "\"effectiveDate\":\"2025-06-02\" | \"effectiveDate\":\"2025-08-02\" | outside the business-date window",
            "\"effectiveDate\":\"2025-06-02\" | \"effectiveDate\":\"02/06/2025\" | effectiveDate must be a date",
            "\"tradeId\":\"T-1\",         | ''                             | tradeId is required",
            "\"occurredAt\":\"2025-06-02T14:30:00Z\" | \"occurredAt\":\"yesterday\" | occurredAt must be an ISO-8601 instant",
    })
    void rejectsWhatTheValidationGateRejects(String original, String replacement, String reason) {
        TradeReader.Reading reading = reader.read(TRADE.replace(original, replacement), TODAY);

        assertThat(reading).isInstanceOfSatisfying(TradeReader.Rejected.class,
                rejected -> assertThat(rejected.explanation()).contains(reason));
    }

    @Test
    void rejectsMalformedJson() {
        assertThat(reader.read("{\"tradeId\":", TODAY)).isInstanceOf(TradeReader.Rejected.class);
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
