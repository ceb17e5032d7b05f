package com.globeco.trading.compliance.reporting;

import com.globeco.trading.compliance.TradeIdentifiers;
import com.globeco.trading.messages.Reading;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** An outcome the hotpath records in the event store holds nothing the event store cannot take. */
class ReportOutcomeJsonTest {
    private static final ReportOutcome OUTCOME = new ReportOutcome(new TradeReport(ReportingRulesTest.trade("T1", false),
            TradeIdentifiers.example().usi("ACC-1:AAPL:USD", "T1"), 1, ReportAction.NEW, false, "service:regulatory-reporting",
            Instant.parse("2026-03-02T15:00:00Z")), ReportStatus.ACKNOWLEDGED, "TR-1", null, null, 1, Instant.parse("2026-03-02T15:00:01Z"));

    @Test
    void anOutcomeReadsBackAsWritten() {
        Reading<ReportOutcome> read = ReportOutcomeJson.read(ReportOutcomeJson.write(OUTCOME));

        assertThat(read).isInstanceOf(Reading.Valid.class);
        assertThat(((Reading.Valid<ReportOutcome>) read).value().reportId()).isEqualTo(OUTCOME.reportId());
    }

    @Test
    void datesNoStoreTakesAndAmountsNoTradeHasAreRejected() {
        String written = ReportOutcomeJson.write(OUTCOME);

        assertThat(ReportOutcomeJson.read(written.replace("\"effectiveDate\":\"2026-03-02\"", "\"effectiveDate\":\"+99999-01-01\"")))
                .isInstanceOfSatisfying(Reading.Rejected.class, rejected -> assertThat(rejected.explanation()).contains("effectiveDate"));
        assertThat(ReportOutcomeJson.read(written.replace("\"answeredAt\":\"2026-03-02T15:00:01Z\"", "\"answeredAt\":\"+20000-01-01T00:00:00Z\"")))
                .isInstanceOfSatisfying(Reading.Rejected.class, rejected -> assertThat(rejected.explanation()).contains("answeredAt"));
        assertThat(ReportOutcomeJson.read(written.replace("\"quantity\":\"10\"", "\"quantity\":\"1E2147483647\"")))
                .isInstanceOfSatisfying(Reading.Rejected.class, rejected -> assertThat(rejected.explanation()).contains("quantity"));
    }
}
