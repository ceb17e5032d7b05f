package com.globeco.trading.compliance.reporting;

import com.globeco.trading.compliance.TradeIdentifiers;
import com.globeco.trading.positions.Initiators;
import com.globeco.trading.positions.TradeType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ReportingRulesTest {
    private static final String KEY = "ACC-1:AAPL:USD";
    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    private static final Duration SLA = Duration.ofMinutes(15);
    private static final TradeIdentifiers IDS = TradeIdentifiers.example();
    private static final ReportingRules RULES = new ReportingRules(SLA, IDS);

    private PositionReports state = PositionReports.empty();

    static ReportableTrade trade(String tradeId, boolean backdated) {
        return new ReportableTrade(KEY, tradeId, IDS.uti(KEY, tradeId), TradeType.INCREASE, new BigDecimal("10"), new BigDecimal("101.25"),
                LocalDate.of(2026, 3, backdated ? 1 : 2), T0, backdated, "trader-7", "corr-" + tradeId);
    }

    private ReportingRules.Step on(ReportingInput input, Instant at) {
        ReportingRules.Step step = RULES.on(state, input, at);
        state = step.next();
        return step;
    }

    private ReportingRules.Step answer(TradeReport report, ReportStatus status, Instant at) {
        return on(new ReportingInput.Answered(new ReportOutcome(report, status, status == ReportStatus.ACKNOWLEDGED ? "TR-1" : null,
                status == ReportStatus.REJECTED ? "INSTRUMENT_NOT_ELIGIBLE" : null, null, 1, at)), at);
    }

    @Test
    void aTradeOfAReconciledPositionIsReportedAtOnceAndLetGoOnceAcknowledged() {
        ReportingRules.Step applied = on(new ReportingInput.Applied(trade("T1", false)), T0);

        assertThat(applied.send()).singleElement().satisfies(report -> {
            assertThat(report.action()).isEqualTo(ReportAction.NEW);
            assertThat(report.provisional()).isFalse();
            assertThat(report.reportId()).isEqualTo(IDS.uti(KEY, "T1").value() + "-1");
            assertThat(report.requestedBy()).isEqualTo(Initiators.REGULATORY_REPORTING);
            assertThat(report.trade().userId()).isEqualTo("trader-7");
        });
        assertThat(applied.rows()).extracting(ReportRow::status).containsExactly(ReportStatus.SUBMITTED);

        answer(applied.send().get(0), ReportStatus.ACKNOWLEDGED, T0.plusSeconds(1));
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void aProvisionalPositionsReportsWaitForTheCorrectionAndGoOutReconciled() {
        ReportingRules.Step backdated = on(new ReportingInput.Applied(trade("B1", true)), T0);
        ReportingRules.Step current = on(new ReportingInput.Applied(trade("T2", false)), T0.plusSeconds(5));

        assertThat(backdated.send()).isEmpty();
        assertThat(current.send()).isEmpty();
        assertThat(backdated.rows()).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(ReportStatus.PENDING);
            assertThat(row.waitingFor()).isEqualTo(ReportRow.RECONCILIATION);
        });
        assertThat(current.timers()).containsExactly(T0.plusSeconds(5).plus(SLA));

        ReportingRules.Step settled = on(new ReportingInput.Settled(KEY, new String[] {"B1"}, "corr"), T0.plusSeconds(60));
        assertThat(settled.send()).extracting(report -> report.trade().tradeId()).containsExactlyInAnyOrder("B1", "T2");
        assertThat(settled.send()).allSatisfy(report -> {
            assertThat(report.provisional()).isFalse();
            assertThat(report.action()).isEqualTo(ReportAction.NEW);
        });
    }

    @Test
    void pastTheSlaAReportGoesOutProvisionalAndIsAmendedOnceReconciled() {
        on(new ReportingInput.Applied(trade("B1", true)), T0);

        assertThat(RULES.onTimer(state, T0.plus(SLA).minusMillis(1)).send()).isEmpty();
        ReportingRules.Step due = RULES.onTimer(state, T0.plus(SLA));
        state = due.next();
        TradeReport provisional = due.send().get(0);
        assertThat(provisional.provisional()).isTrue();

        answer(provisional, ReportStatus.ACKNOWLEDGED, T0.plus(SLA).plusSeconds(1));
        assertThat(state.trade("B1")).as("a provisional report is followed until amended").isPresent();

        ReportingRules.Step settled = on(new ReportingInput.Settled(KEY, new String[] {"B1"}, "corr"), T0.plus(SLA).plusSeconds(30));
        assertThat(settled.send()).singleElement().satisfies(amend -> {
            assertThat(amend.action()).isEqualTo(ReportAction.AMEND);
            assertThat(amend.provisional()).isFalse();
            assertThat(amend.sequence()).isEqualTo(2);
        });
        answer(settled.send().get(0), ReportStatus.ACKNOWLEDGED, T0.plus(SLA).plusSeconds(31));
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void anAmendDueWhileTheReportIsInFlightWaitsForItsAnswer() {
        on(new ReportingInput.Applied(trade("B1", true)), T0);
        ReportingRules.Step due = RULES.onTimer(state, T0.plus(SLA));
        state = due.next();

        ReportingRules.Step settled = on(new ReportingInput.Settled(KEY, new String[] {"B1"}, "corr"), T0.plus(SLA).plusSeconds(1));
        assertThat(settled.send()).isEmpty();

        ReportingRules.Step answered = answer(due.send().get(0), ReportStatus.ACKNOWLEDGED, T0.plus(SLA).plusSeconds(2));
        assertThat(answered.send()).singleElement().extracting(TradeReport::action).isEqualTo(ReportAction.AMEND);
    }

    @Test
    void aRefusedHistoryWithdrawsAWaitingReportAndCancelsOneTheRepositoryHolds() {
        on(new ReportingInput.Applied(trade("B1", true)), T0);
        ReportingRules.Step refusedWaiting = on(new ReportingInput.Refused(KEY, new String[] {"B1"}, "IMPOSSIBLE_HISTORY", "corr"), T0.plusSeconds(9));
        assertThat(refusedWaiting.send()).isEmpty();
        assertThat(refusedWaiting.rows()).singleElement().extracting(ReportRow::status).isEqualTo(ReportStatus.WITHDRAWN);
        assertThat(state.isEmpty()).isTrue();

        on(new ReportingInput.Applied(trade("B2", true)), T0);
        ReportingRules.Step due = RULES.onTimer(state, T0.plus(SLA));
        state = due.next();
        answer(due.send().get(0), ReportStatus.ACKNOWLEDGED, T0.plus(SLA));
        ReportingRules.Step refusedHeld = on(new ReportingInput.Refused(KEY, new String[] {"B2"}, "IMPOSSIBLE_HISTORY", "corr"), T0.plus(SLA).plusSeconds(1));
        assertThat(refusedHeld.send()).singleElement().satisfies(cancel -> {
            assertThat(cancel.action()).isEqualTo(ReportAction.CANCEL);
            assertThat(cancel.sequence()).isEqualTo(2);
        });
        answer(refusedHeld.send().get(0), ReportStatus.ACKNOWLEDGED, T0.plus(SLA).plusSeconds(2));
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void aRejectedReportIsSentAgainUnderTheNextSequenceWhenSomeoneAsks() {
        TradeReport first = on(new ReportingInput.Applied(trade("T1", false)), T0).send().get(0);
        answer(first, ReportStatus.REJECTED, T0.plusSeconds(1));
        assertThat(state.trade("T1")).get().extracting(ReportedTrade::status).isEqualTo(ReportStatus.REJECTED);

        ReportingRules.Step again = on(new ReportingInput.Resubmit(KEY, "T1", "ops-anna", "instrument made eligible"), T0.plusSeconds(60));
        assertThat(again.send()).singleElement().satisfies(report -> {
            assertThat(report.sequence()).isEqualTo(2);
            assertThat(report.action()).isEqualTo(ReportAction.NEW);
            assertThat(report.requestedBy()).isEqualTo("ops-anna");
        });
        assertThat(on(new ReportingInput.Resubmit(KEY, "T1", "ops-anna", "twice"), T0.plusSeconds(61)).send())
                .as("a report in flight is not resubmitted").isEmpty();
    }

    @Test
    void redeliveriesAndStaleAnswersChangeNothing() {
        TradeReport first = on(new ReportingInput.Applied(trade("T1", false)), T0).send().get(0);
        assertThat(on(new ReportingInput.Applied(trade("T1", false)), T0.plusSeconds(1)).send()).isEmpty();
        answer(first, ReportStatus.REJECTED, T0.plusSeconds(2));
        PositionReports before = state;

        answer(first, ReportStatus.ACKNOWLEDGED, T0.plusSeconds(3));
        assertThat(state).isSameAs(before);
    }
}
