package com.globeco.trading.reconciliation;

import com.globeco.trading.compliance.custodian.CustodianHolding;
import com.globeco.trading.positions.EventJson;
import com.globeco.trading.positions.Hotpath;
import com.globeco.trading.positions.LotsJson;
import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.PositionStatus;
import com.globeco.trading.positions.ReconciliationBreak;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.TradeType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExternalCheckTest {
    private static final String KEY = "ACC-1:IBM:USD";
    private static final LocalDate STATEMENT = LocalDate.of(2026, 1, 9);
    private static final long NOW = Instant.parse("2026-01-10T06:00:00Z").toEpochMilli();
    private static final Duration SLA = Duration.ofMinutes(5);
    private final ExternalCheck daily = new ExternalCheck("run-1", STATEMENT, true, new Tolerances(new BigDecimal("0.5"), new BigDecimal("0.001")), SLA);
    private final List<StoredEvent> events = new ArrayList<>();
    private Position position = Position.empty();

    private void trade(String id, TradeType type, String quantity, String price, LocalDate day) {
        Trade trade = new Trade(id, KEY, type, new BigDecimal(quantity), new BigDecimal(price), day, Instant.parse("2026-01-09T10:00:00Z"),
                null, "c-" + id, null, null);
        Hotpath.Applied applied = Hotpath.apply(position, KEY, trade, STATEMENT.plusDays(1));
        position = applied.state();
        events.add(new StoredEvent(KEY, applied.event().eventVersion(), applied.event().eventType(), day, EventJson.payload(applied.event())));
    }

    private StoredSnapshot snapshot(PositionStatus status, Long provisionalSince) {
        return new StoredSnapshot(KEY, position.version(), status, LotsJson.write(position.lots()), provisionalSince);
    }

    private static CustodianHolding custodian(String quantity, String averageCost, LocalDate lastActivity) {
        return new CustodianHolding(STATEMENT, KEY, new BigDecimal(quantity), new BigDecimal(averageCost), null, lastActivity);
    }

    private static RepositoryHolding repository(String quantity, LocalDate latest) {
        return new RepositoryHolding(KEY, new BigDecimal(quantity), 2, latest);
    }

    private List<String> kinds(OutsideViews views, StoredSnapshot snapshot) {
        return daily.breaks(KEY, events, snapshot, views, NOW).stream().map(found -> found.severity() + " " + found.kind()).toList();
    }

    @Test
    void sourcesThatAgreeWithinTheTolerancesHaveNoBreak() {
        trade("T1", TradeType.NEW_TRADE, "100", "10", STATEMENT.minusDays(3));
        trade("T2", TradeType.INCREASE, "100", "12", STATEMENT);

        OutsideViews agreeing = new OutsideViews(custodian("200.4", "11.005", STATEMENT), repository("200", STATEMENT), false);
        assertThat(kinds(agreeing, snapshot(PositionStatus.RECONCILED, null))).isEmpty();
    }

    @Test
    void theCustodiansAverageCostIsComparedWithOurTradesAveragedItsWayNotWithOurFifoLots() {
        trade("T1", TradeType.NEW_TRADE, "100", "10", STATEMENT.minusDays(3));
        trade("T2", TradeType.INCREASE, "100", "12", STATEMENT.minusDays(2));
        trade("T3", TradeType.DECREASE, "150", "13", STATEMENT.minusDays(1));

        OutsideViews averaged = new OutsideViews(custodian("50", "11", STATEMENT.minusDays(1)), repository("50", STATEMENT.minusDays(1)), false);
        assertThat(position.lots().costBasis()).as("FIFO leaves the lot bought at 12").isEqualByComparingTo("600");
        assertThat(kinds(averaged, snapshot(PositionStatus.RECONCILED, null))).isEmpty();
    }

    @Test
    void theCustodianIsComparedWithThePositionAsOfItsStatementDate() {
        trade("T1", TradeType.NEW_TRADE, "100", "10", STATEMENT.minusDays(3));
        trade("T2", TradeType.INCREASE, "50", "12", STATEMENT.plusDays(1));

        OutsideViews asOfStatement = new OutsideViews(custodian("100", "10", STATEMENT.minusDays(3)), repository("150", STATEMENT.plusDays(1)), false);
        assertThat(kinds(asOfStatement, snapshot(PositionStatus.RECONCILED, null))).isEmpty();
    }

    @Test
    void eachKindOfCustodianDifferenceIsClassified() {
        trade("T1", TradeType.NEW_TRADE, "100", "10", STATEMENT.minusDays(3));
        StoredSnapshot snapshot = snapshot(PositionStatus.RECONCILED, null);
        RepositoryHolding reported = repository("100", STATEMENT.minusDays(3));

        assertThat(kinds(new OutsideViews(null, reported, false), snapshot)).containsExactly("CRITICAL CUSTODIAN_MISSING");
        assertThat(kinds(new OutsideViews(custodian("99", "10", STATEMENT.minusDays(3)), reported, false), snapshot))
                .containsExactly("CRITICAL CUSTODIAN_QUANTITY_MISMATCH");
        assertThat(kinds(new OutsideViews(custodian("100", "10.02", STATEMENT.minusDays(3)), reported, false), snapshot))
                .containsExactly("WARNING CUSTODIAN_PRICE_MISMATCH");
        assertThat(kinds(new OutsideViews(custodian("100", "10", STATEMENT.minusDays(4)), reported, false), snapshot))
                .containsExactly("INFO CUSTODIAN_DATE_MISMATCH");

        events.clear();
        assertThat(daily.breaks(KEY, List.of(), null, new OutsideViews(custodian("5", "3", STATEMENT), null, false), NOW))
                .extracting(ReconciliationBreak::kind).containsExactly("CUSTODIAN_EXTRA");
    }

    @Test
    void eachKindOfRepositoryDifferenceIsClassified() {
        trade("T1", TradeType.NEW_TRADE, "100", "10", STATEMENT.minusDays(3));
        StoredSnapshot snapshot = snapshot(PositionStatus.RECONCILED, null);
        CustodianHolding held = custodian("100", "10", STATEMENT.minusDays(3));

        assertThat(kinds(new OutsideViews(held, null, false), snapshot)).containsExactly("WARNING REPOSITORY_MISSING");
        assertThat(kinds(new OutsideViews(held, repository("90", STATEMENT.minusDays(3)), false), snapshot))
                .containsExactly("WARNING REPOSITORY_QUANTITY_MISMATCH");
        assertThat(kinds(new OutsideViews(held, repository("100", STATEMENT.minusDays(5)), false), snapshot))
                .containsExactly("INFO REPOSITORY_DATE_MISMATCH");
        assertThat(daily.breaks("ACC-9:X:USD", List.of(), null, new OutsideViews(null, repository("1", STATEMENT), false), NOW))
                .extracting(ReconciliationBreak::kind).containsExactly("REPOSITORY_EXTRA");
    }

    @Test
    void aRepositoryDifferenceThatPassesWithTimeIsATemporaryBreakOfItsOwn() {
        trade("T1", TradeType.NEW_TRADE, "100", "10", STATEMENT.minusDays(3));
        CustodianHolding held = custodian("100", "10", STATEMENT.minusDays(3));
        RepositoryHolding behind = repository("40", STATEMENT.minusDays(3));

        assertThat(kinds(new OutsideViews(held, behind, true), snapshot(PositionStatus.RECONCILED, null)))
                .containsExactly("INFO " + ExternalCheck.REPORT_AWAITING_ACKNOWLEDGEMENT);
        assertThat(kinds(new OutsideViews(held, behind, false), snapshot(PositionStatus.PROVISIONAL, NOW - SLA.toMillis())))
                .containsExactly("INFO " + ExternalCheck.PROVISIONAL_WITHIN_SLA);
        assertThat(kinds(new OutsideViews(held, behind, false), snapshot(PositionStatus.PROVISIONAL, NOW - SLA.toMillis() - 1)))
                .containsExactly("WARNING REPOSITORY_QUANTITY_MISMATCH");
        assertThat(ExternalCheck.TEMPORARY_KINDS).contains(ExternalCheck.REPORT_AWAITING_ACKNOWLEDGEMENT, ExternalCheck.PROVISIONAL_WITHIN_SLA)
                .doesNotContain("REPOSITORY_QUANTITY_MISMATCH", "CUSTODIAN_QUANTITY_MISMATCH");
    }

    @Test
    void anHourlyRunWithoutAStatementComparesNoCustodian() {
        trade("T1", TradeType.NEW_TRADE, "100", "10", STATEMENT.minusDays(3));
        ExternalCheck hourly = new ExternalCheck("run-2", null, true, Tolerances.exact(), SLA);

        assertThat(hourly.breaks(KEY, events, snapshot(PositionStatus.RECONCILED, null),
                new OutsideViews(null, repository("100", STATEMENT.minusDays(3)), false), NOW)).isEmpty();
    }
}
