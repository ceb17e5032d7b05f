package com.globeco.trading.testkit.custodian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.globeco.trading.compliance.custodian.CustodianHolding;
import com.globeco.trading.compliance.custodian.CustodianStatement;
import com.globeco.trading.positions.TradeType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The breaks a test injects into the custodian's statements, as the reconciliation will find them. */
class CustodianBreaksTest {

    private static final LocalDate JULY_1 = LocalDate.parse("2025-07-01");
    private static final String AAPL = "ACC1:AAPL:USD";
    private static final String MSFT = "ACC1:MSFT:USD";

    private final CustodianSimulator custodian = new CustodianSimulator();

    @TempDir
    Path drop;

    @BeforeEach
    void bookTwoPositions() {
        custodian.book(AAPL, TradeType.NEW_TRADE, new BigDecimal("100"), new BigDecimal("10"), JULY_1);
        custodian.book(MSFT, TradeType.NEW_TRADE, new BigDecimal("50"), new BigDecimal("300"), JULY_1);
    }

    private CustodianHolding stated(String key) throws Exception {
        return CustodianStatement.read(custodian.deliverStatement(JULY_1, drop)).holdings().stream()
                .filter(holding -> holding.positionKey().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void anOmittedPositionIsMissingFromTheStatement() throws Exception {
        custodian.omit(AAPL);

        List<CustodianHolding> holdings = CustodianStatement.read(custodian.deliverStatement(JULY_1, drop)).holdings();

        assertThat(holdings).extracting(CustodianHolding::positionKey).containsExactly(MSFT);
    }

    @Test
    void anExtraPositionIsStatedAsGivenWithItsAverageCostAtEightDecimals() throws Exception {
        custodian.addExtra("ACC9:GE:USD", new BigDecimal("12.5"), new BigDecimal("7.123456789"),
                LocalDate.parse("2025-05-05"));

        assertThat(stated("ACC9:GE:USD")).isEqualTo(new CustodianHolding(JULY_1, "ACC9:GE:USD", new BigDecimal("12.5"),
                new BigDecimal("7.12345679"), null, LocalDate.parse("2025-05-05")));
    }

    @Test
    void anExtraPositionOnAKeyWeHoldReplacesWhatTheCustodianDerived() throws Exception {
        custodian.addExtra(AAPL, new BigDecimal("1"), new BigDecimal("2"), JULY_1);

        assertThat(stated(AAPL).quantity()).isEqualByComparingTo("1");
        assertThat(stated(AAPL).averageCost()).isEqualByComparingTo("2");
    }

    @Test
    void quantityShiftsAddUpAndAShiftToZeroRemovesThePosition() throws Exception {
        custodian.shiftQuantity(AAPL, new BigDecimal("-0.5"));
        custodian.shiftQuantity(AAPL, new BigDecimal("-2"));
        custodian.shiftQuantity(MSFT, new BigDecimal("-50"));

        List<CustodianHolding> holdings = CustodianStatement.read(custodian.deliverStatement(JULY_1, drop)).holdings();

        assertThat(holdings).extracting(CustodianHolding::positionKey, CustodianHolding::quantity)
                .containsExactly(tuple(AAPL, new BigDecimal("97.5")));
    }

    @Test
    void theAverageCostAndTheLastActivityCanBeStatedOtherwise() throws Exception {
        custodian.overrideAverageCost(AAPL, new BigDecimal("10.01"));
        custodian.overrideLastActivity(MSFT, LocalDate.parse("2025-06-15"));

        assertThat(stated(AAPL).averageCost()).hasToString("10.01000000");
        assertThat(stated(AAPL).lastActivityDate()).isEqualTo(JULY_1);
        assertThat(stated(MSFT).lastActivityDate()).isEqualTo(LocalDate.parse("2025-06-15"));
        assertThat(stated(MSFT).averageCost()).hasToString("300.00000000");
    }

    @Test
    void clearingTheBreaksStatesTheBookedTradesAgain() throws Exception {
        List<CustodianHolding> clean = custodian.holdings(JULY_1);
        custodian.omit(AAPL);
        custodian.addExtra("ACC9:GE:USD", BigDecimal.ONE, BigDecimal.ONE, JULY_1);
        custodian.shiftQuantity(MSFT, BigDecimal.TEN);
        custodian.overrideAverageCost(MSFT, BigDecimal.ONE);
        custodian.overrideLastActivity(MSFT, LocalDate.parse("2025-01-01"));
        assertThat(custodian.holdings(JULY_1)).isNotEqualTo(clean);

        custodian.clearBreaks();

        assertThat(CustodianStatement.read(custodian.deliverStatement(JULY_1, drop)).holdings()).isEqualTo(clean);
    }
}
