package com.globeco.trading.jobs;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PositionReconciliationOptionsTest {
    private static final PositionReconciliationOptions DAILY = PositionReconciliationOptions.from("--reconciliation.mode", "daily");

    @Test
    void aDailyRunComparesTheStatementOfTheBusinessDayBefore() {
        assertThat(DAILY.mode()).isEqualTo(PositionReconciliationOptions.Mode.DAILY);
        assertThat(DAILY.statementDateFor(Instant.parse("2030-04-03T10:30:00Z"))).as("a Wednesday morning in New York").isEqualTo("2030-04-02");
        assertThat(DAILY.statementDateFor(Instant.parse("2030-04-08T10:30:00Z"))).as("a Monday: Friday's").isEqualTo("2030-04-05");
        assertThat(DAILY.statementDateFor(Instant.parse("2030-04-09T03:00:00Z"))).as("still Monday in New York").isEqualTo("2030-04-05");
        assertThat(DAILY.withStatementDate(LocalDate.parse("2030-01-01")).statementDateFor(Instant.parse("2030-04-08T10:30:00Z")))
                .isEqualTo("2030-01-01");
    }
}
