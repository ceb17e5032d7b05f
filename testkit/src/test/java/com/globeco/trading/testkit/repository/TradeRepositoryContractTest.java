package com.globeco.trading.testkit.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;

import com.globeco.trading.compliance.TradeIdentifiers;
import com.globeco.trading.compliance.reporting.ReportAction;
import com.globeco.trading.compliance.reporting.ReportJson;
import com.globeco.trading.compliance.reporting.ReportableTrade;
import com.globeco.trading.compliance.reporting.RepositoryAnswer;
import com.globeco.trading.compliance.reporting.SubmissionResult;
import com.globeco.trading.compliance.reporting.TradeReport;
import com.globeco.trading.positions.TradeType;
import com.globeco.trading.testkit.http.SimulatorClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The regulatory-reporting job's own request bodies and answer reader against the simulator: both sides agree. */
class TradeRepositoryContractTest {

    private static final String REPORTS = "/api/v1/reports";
    private static final TradeIdentifiers IDENTIFIERS = TradeIdentifiers.example();
    private static final String POSITION = "ACC1:AAPL:USD";

    private final TradeRepositorySimulator repository = TradeRepositorySimulator.start();
    private final SimulatorClient client = new SimulatorClient(repository.baseUri());

    @AfterEach
    void stop() {
        repository.close();
    }

    private static TradeReport report(String tradeId, int sequence, ReportAction action, boolean provisional) {
        ReportableTrade trade = new ReportableTrade(POSITION, tradeId, IDENTIFIERS.uti(POSITION, tradeId),
                TradeType.NEW_TRADE, new BigDecimal("150.00000000"), new BigDecimal("101.25000000"),
                LocalDate.parse("2025-07-01"), Instant.parse("2025-07-01T13:30:00.123Z"), false, "trader-1", "corr-1");
        return new TradeReport(trade, IDENTIFIERS.usi(POSITION, tradeId), sequence, action, provisional,
                "regulatory-reporting", Instant.parse("2025-07-01T13:30:01Z"));
    }

    private RepositoryAnswer submit(TradeReport report) throws Exception {
        HttpResponse<String> response = client.send("POST", REPORTS,
                ReportJson.request(report, IDENTIFIERS.reportingEntity()));
        return RepositoryAnswer.of(response.statusCode(), response.body());
    }

    @Test
    void theJobsReportsOfATradesLifeAreAcknowledgedAndItsResendsIdempotently() throws Exception {
        RepositoryAnswer opened = submit(report("T-1", 1, ReportAction.NEW, true));
        RepositoryAnswer amended = submit(report("T-1", 2, ReportAction.AMEND, false));
        RepositoryAnswer resent = submit(report("T-1", 2, ReportAction.AMEND, false));
        RepositoryAnswer cancelled = submit(report("T-1", 3, ReportAction.CANCEL, false));

        assertThat(opened.result()).isEqualTo(SubmissionResult.ACKNOWLEDGED);
        assertThat(opened.submissionId()).isEqualTo("TR-1");
        assertThat(amended.submissionId()).isEqualTo("TR-2");
        assertThat(resent).isEqualTo(amended);
        assertThat(cancelled.submissionId()).isEqualTo("TR-3");
        String uti = IDENTIFIERS.uti(POSITION, "T-1").value();
        assertThat(repository.reportsFor(uti)).extracting(AcceptedReport::reportId)
                .containsExactly(uti + "-1", uti + "-2", uti + "-3");
        assertThat(repository.trade(uti).orElseThrow().status()).isEqualTo(TradeStatus.CANCELLED);
    }

    @Test
    void theJobReadsARejectionWithItsCodeAndAnOutageAsUnavailable() throws Exception {
        repository.makeIneligible("AAPL");

        RepositoryAnswer rejected = submit(report("T-2", 1, ReportAction.NEW, false));

        assertThat(rejected.result()).isEqualTo(SubmissionResult.REJECTED);
        assertThat(rejected.reasonCode()).isEqualTo(ReasonCode.INSTRUMENT_NOT_ELIGIBLE.name());
        assertThat(rejected.reason()).contains("AAPL");
        repository.makeEligible("AAPL");
        repository.setOutage(true);
        assertThat(submit(report("T-2", 1, ReportAction.NEW, false)).result()).isEqualTo(SubmissionResult.UNAVAILABLE);
        repository.setOutage(false);
        assertThat(submit(report("T-2", 1, ReportAction.NEW, false)).result()).isEqualTo(SubmissionResult.ACKNOWLEDGED);
    }
}
