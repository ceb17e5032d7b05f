package com.globeco.trading.allocation;

import com.globeco.trading.fills.Fill;
import com.globeco.trading.fills.FillReader;
import com.globeco.trading.fills.FillReading;
import com.globeco.trading.messages.Reading;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class AllocationRulesTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String PORTFOLIO = "684f125ac19ad4fb89bc14ba";

    @Test
    void aClosedExecutionBecomesOneValidAccountingLine() {
        AccountingLine line = new ClosedExecution(lastFill("1748354504.1602714"), PORTFOLIO).accountingLine(NEW_YORK);

        assertThat(line.violations()).isEmpty();
        assertThat(line.csv()).isEqualTo("684f125ac19ad4fb89bc14ba,68336002fe95851f0a2aeda9,AC27,BUY,1000,190.4096,20250527");
        assertThat(AccountingLine.HEADER).isEqualTo("portfolio_id,security_id,source_id,transaction_type,quantity,price,transaction_date");
    }

    @Test
    void theTradeDateIsTheBusinessDayInTheBusinessZone() {
        ClosedExecution lateEvening = new ClosedExecution(lastFill("1748394000"), PORTFOLIO);

        assertThat(lateEvening.tradeDate(NEW_YORK)).isEqualTo(LocalDate.of(2025, 5, 27));
        assertThat(lateEvening.tradeDate(ZoneId.of("UTC"))).isEqualTo(LocalDate.of(2025, 5, 28));
    }

    @Test
    void theSourceIdIsStableAndShort() {
        ClosedExecution execution = new ClosedExecution(lastFill("1748354504"), PORTFOLIO);

        assertThat(execution.sourceId()).isEqualTo(new ClosedExecution(lastFill("1748399999"), PORTFOLIO).sourceId());
        assertThat(execution.sourceId()).hasSizeLessThanOrEqualTo(50);
    }

    @Test
    void brokenLinesNameEveryRule() {
        AccountingLine line = new AccountingLine("short", "68336002fe95851f0a2aeda9", "x".repeat(51), "LEND",
                BigDecimal.ONE, BigDecimal.ZERO, "20250527");

        assertThat(line.violations()).hasSize(4)
                .anyMatch(rule -> rule.startsWith("portfolio_id"))
                .anyMatch(rule -> rule.startsWith("source_id"))
                .anyMatch(rule -> rule.startsWith("transaction_type"))
                .anyMatch(rule -> rule.startsWith("price"));
    }

    @Test
    void whatCanBeToldBeforeThePortfolioIsKnownIsEveryRuleButThePortfolios() {
        Fill booked = lastFill("1748354504");
        Fill unbookable = lastFill("1748354504", "LEND");

        assertThat(ClosedExecution.bookingViolations(booked, NEW_YORK)).isEmpty();
        assertThat(new ClosedExecution(booked, null).violations(NEW_YORK)).singleElement()
                .satisfies(rule -> assertThat(rule).startsWith("portfolio_id"));
        assertThat(ClosedExecution.bookingViolations(unbookable, NEW_YORK)).singleElement()
                .satisfies(rule -> assertThat(rule).startsWith("transaction_type"));
    }

    @Test
    void readsThePortfolioFromTheTradeServiceAnswer() {
        String answer = """
                {"executions":[{"id":15,"tradeOrder":{"id":148,"orderId":148,
                "portfolio":{"portfolioId":"684f125ac19ad4fb89bc14ba","name":"Portfolio 9733"},
                "security":{"securityId":"684f122eeea39200e56291b8","ticker":"LYB"}},"executionServiceId":2,"version":3}],
                "pagination":{"totalElements":1}}""";

        assertThat(TradeServiceJson.portfolioId(answer, 2)).isEqualTo(new Reading.Valid<>(Optional.of("684f125ac19ad4fb89bc14ba")));
        assertThat(TradeServiceJson.portfolioId("{\"executions\":[],\"pagination\":{\"totalElements\":0}}", 2))
                .isEqualTo(new Reading.Valid<>(Optional.empty()));
    }

    @Test
    void epochSecondsKeepMicroseconds() {
        assertThat(ClosedExecution.toInstant(new BigDecimal("1748354367.509362")).toString()).isEqualTo("2025-05-27T13:59:27.509362Z");
    }

    private static Fill lastFill(String lastFilledTimestamp) {
        return lastFill(lastFilledTimestamp, "BUY");
    }

    private static Fill lastFill(String lastFilledTimestamp, String tradeType) {
        String json = """
                {"id":11,"executionServiceId":27,"isOpen":false,"executionStatus":"FULL","tradeType":"%s",\
                "destination":"ML","securityId":"68336002fe95851f0a2aeda9","ticker":"IBM","quantity":1000,\
                "receivedTimestamp":1748354367.509362,"sentTimestamp":1748354367.512467,\
                "lastFilledTimestamp":%s,"quantityFilled":1000,"averagePrice":190.4096,\
                "numberOfFills":3,"totalAmount":190409.6,"version":1}""".formatted(tradeType, lastFilledTimestamp);
        return ((FillReading.Valid) new FillReader().read(json)).fill();
    }
}
