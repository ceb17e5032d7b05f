package com.globeco.trading.testkit.custodian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import com.globeco.trading.compliance.custodian.CustodianHolding;
import com.globeco.trading.compliance.custodian.CustodianStatement;
import com.globeco.trading.compliance.custodian.StatementProblem;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.TradeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the custodian holds and how its statement reaches the drop directory. */
class CustodianSimulatorTest {

    private static final LocalDate JUNE_30 = LocalDate.parse("2025-06-30");
    private static final LocalDate JULY_1 = LocalDate.parse("2025-07-01");
    private static final LocalDate JULY_2 = LocalDate.parse("2025-07-02");
    private static final LocalDate JULY_3 = LocalDate.parse("2025-07-03");

    private final CustodianSimulator custodian = new CustodianSimulator(
            Clock.fixed(Instant.parse("2025-07-01T22:00:00Z"), ZoneOffset.UTC));

    @TempDir
    Path drop;

    private void buy(String key, String quantity, String price, LocalDate date) {
        custodian.book(key, TradeType.INCREASE, new BigDecimal(quantity), new BigDecimal(price), date);
    }

    private void sell(String key, String quantity, LocalDate date) {
        custodian.book(key, TradeType.DECREASE, new BigDecimal(quantity), BigDecimal.ONE, date);
    }

    private CustodianHolding holding(String key, LocalDate statementDate) {
        return custodian.holdings(statementDate).stream().filter(holding -> holding.positionKey().equals(key))
                .findFirst().orElseThrow(() -> new AssertionError(key + " is not on the statement"));
    }

    @Test
    void aDeliveredStatementIsTheHeaderAndALineAHoldingInAccountInstrumentCurrencyOrder() throws IOException {
        buy("ACC1:MSFT:USD", "10", "300", JUNE_30);
        buy("A-B:AAPL:USD", "5", "190.25", JULY_1);
        buy("ACC1:MSFT:EUR", "2.5", "280", JULY_1);
        custodian.book("ACC1:AAPL:USD", TradeType.NEW_TRADE, new BigDecimal("100"), new BigDecimal("10"), JUNE_30);
        custodian.book("ACC1:AAPL:USD", TradeType.NEW_TRADE, new BigDecimal("50"), new BigDecimal("13"), JULY_1);
        sell("ACC1:AAPL:USD", "30", JULY_1);
        custodian.setMarketPrice("AAPL", new BigDecimal("191.5"));

        Path statement = custodian.deliverStatement(JULY_1, drop);

        assertThat(statement).isEqualTo(drop.resolve("custodian-positions-20250701.csv"));
        assertThat(Files.readString(statement)).isEqualTo(String.join("\n",
                "statement_date,account,instrument,currency,quantity,average_cost,market_price,last_activity_date",
                "2025-07-01,A-B,AAPL,USD,5,190.25000000,191.5,2025-07-01",
                "2025-07-01,ACC1,AAPL,USD,120,11.00000000,191.5,2025-07-01",
                "2025-07-01,ACC1,MSFT,EUR,2.5,280.00000000,,2025-07-01",
                "2025-07-01,ACC1,MSFT,USD,10,300.00000000,,2025-06-30") + "\n");
    }

    @Test
    void theParserReadsBackExactlyWhatTheSimulatorHolds() throws IOException {
        buy("ACC1:AAPL:USD", "100.125", "10.3333", JUNE_30);
        buy("ACC1:AAPL:USD", "0.875", "99.99", JULY_1);
        sell("ACC2:IBM:USD", "40", JULY_1);
        custodian.addExtra("ACC3:GE:USD", new BigDecimal("7"), new BigDecimal("3.5"), JUNE_30);
        custodian.setMarketPrice("IBM", new BigDecimal("150.00"));

        CustodianStatement statement = CustodianStatement.read(custodian.deliverStatement(JULY_1, drop));

        assertThat(statement.problems()).isEmpty();
        assertThat(statement.holdings()).isEqualTo(custodian.holdings(JULY_1)).hasSize(3);
        assertThat(statement.holdings().get(1)).isEqualTo(new CustodianHolding(JULY_1, "ACC2:IBM:USD",
                new BigDecimal("-40"), new BigDecimal("1.00000000"), new BigDecimal("150.00"), JULY_1));
    }

    @Test
    void theAverageCostIsTheExactWeightedAverageRoundedHalfEvenToEightDecimals() {
        buy("ACC1:A:USD", "1", "1", JULY_1);
        buy("ACC1:A:USD", "2", "2", JULY_1);
        buy("ACC1:B:USD", "1", "0.00000002", JULY_1);
        buy("ACC1:B:USD", "1", "0.00000003", JULY_1);
        buy("ACC1:C:USD", "3", "0.1", JULY_1);
        buy("ACC1:C:USD", "7", "0.7", JULY_1);
        buy("ACC1:C:USD", "11", "1.3", JULY_1);

        assertThat(holding("ACC1:A:USD", JULY_1).averageCost()).hasToString("1.66666667");
        assertThat(holding("ACC1:B:USD", JULY_1).averageCost()).as("0.000000025 to the even digit")
                .isEqualTo(new BigDecimal("0.00000002"));
        BigDecimal exact = new BigDecimal("0.3").add(new BigDecimal("4.9")).add(new BigDecimal("14.3"))
                .divide(new BigDecimal("21"), MathContext.DECIMAL128);
        assertThat(holding("ACC1:C:USD", JULY_1).averageCost()).isEqualTo(exact.setScale(8, RoundingMode.HALF_EVEN));
    }

    @Test
    void aDecreaseLeavesTheAverageCostAloneAndTheNextBuyWeighsWithTheExactOne() {
        buy("ACC1:A:USD", "1", "0", JULY_1);
        buy("ACC1:A:USD", "2", "1", JULY_1);
        sell("ACC1:A:USD", "2", JULY_1);

        assertThat(holding("ACC1:A:USD", JULY_1).averageCost()).hasToString("0.66666667");
        assertThat(holding("ACC1:A:USD", JULY_1).quantity()).isEqualByComparingTo("1");

        buy("ACC1:A:USD", "2", "1", JULY_1);

        assertThat(holding("ACC1:A:USD", JULY_1).averageCost()).as("(2/3 + 2) / 3 = 8/9").hasToString("0.88888889");
    }

    @Test
    void buyingIntoAFlatOrShortPositionStartsTheAverageAtThePrice() {
        buy("ACC1:A:USD", "10", "10", JULY_1);
        sell("ACC1:A:USD", "15", JULY_1);

        assertThat(holding("ACC1:A:USD", JULY_1).quantity()).as("reported as is").isEqualByComparingTo("-5");
        assertThat(holding("ACC1:A:USD", JULY_1).averageCost()).hasToString("10.00000000");

        buy("ACC1:A:USD", "20", "12", JULY_1);

        assertThat(holding("ACC1:A:USD", JULY_1).quantity()).isEqualByComparingTo("15");
        assertThat(holding("ACC1:A:USD", JULY_1).averageCost()).hasToString("12.00000000");
    }

    @Test
    void theStatementHoldsTradesEffectiveByItsDateInEffectiveDateOrder() {
        buy("ACC1:A:USD", "10", "10", JULY_1);
        sell("ACC1:A:USD", "10", JULY_3);
        buy("ACC1:A:USD", "10", "20", JULY_2);

        assertThat(holding("ACC1:A:USD", JULY_1).quantity()).isEqualByComparingTo("10");
        CustodianHolding july2 = holding("ACC1:A:USD", JULY_2);
        assertThat(july2.quantity()).isEqualByComparingTo("20");
        assertThat(july2.averageCost()).hasToString("15.00000000");
        CustodianHolding july3 = holding("ACC1:A:USD", JULY_3);
        assertThat(july3.quantity()).isEqualByComparingTo("10");
        assertThat(july3.averageCost()).as("the backdated buy counted before the sale").hasToString("15.00000000");
        assertThat(july3.lastActivityDate()).isEqualTo(JULY_3);
        assertThat(custodian.holdings(JUNE_30)).isEmpty();
        assertThat(custodian.holdings()).as("today by the clock").extracting(CustodianHolding::statementDate)
                .containsExactly(JULY_1);
    }

    @Test
    void aPositionOfZeroQuantityIsNotListed() {
        buy("ACC1:A:USD", "10", "10", JUNE_30);
        sell("ACC1:A:USD", "10", JULY_1);

        assertThat(custodian.holdings(JUNE_30)).hasSize(1);
        assertThat(custodian.holdings(JULY_1)).isEmpty();
    }

    @Test
    void ourTradesCanBeBookedAsTheyAre() {
        custodian.book(new Trade("T-1", "ACC1:A:USD", TradeType.NEW_TRADE, new BigDecimal("4"), new BigDecimal("2.5"),
                JULY_1, Instant.parse("2025-07-01T10:00:00Z"), null, "corr-1", null, "trader"));

        assertThat(custodian.holdings(JULY_1)).containsExactly(new CustodianHolding(JULY_1, "ACC1:A:USD",
                new BigDecimal("4"), new BigDecimal("2.50000000"), null, JULY_1));
    }

    @Test
    void aTradeWithoutQuantityOrWithANegativePriceIsRefused() {
        assertThatThrownBy(() -> buy("ACC1:A:USD", "0", "1", JULY_1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> buy("ACC1:A:USD", "1", "-1", JULY_1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(custodian.holdings(JULY_1)).isEmpty();
    }

    @Test
    void aStatementDeliveredAgainReplacesTheFirstWholeAndLeavesNoPartBehind() throws IOException {
        buy("ACC1:A:USD", "10", "10", JULY_1);
        Path first = custodian.deliverStatement(JULY_1, drop);
        buy("ACC1:B:USD", "5", "1", JULY_1);

        Path second = custodian.deliverStatement(JULY_1, drop);

        assertThat(second).isEqualTo(first);
        try (Stream<Path> files = Files.list(drop)) {
            assertThat(files).containsExactly(second);
        }
        assertThat(CustodianStatement.read(second).holdings()).extracting(CustodianHolding::positionKey)
                .containsExactly("ACC1:A:USD", "ACC1:B:USD");
    }

    @Test
    void aReaderNeverSeesAStatementHalfWritten() throws Exception {
        for (int i = 0; i < 2_000; i++) {
            buy("ACC" + i + ":A:USD", "1", "1", JULY_1);
        }
        Path statement = custodian.deliverStatement(JULY_1, drop);
        CompletableFuture<Void> redeliveries = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 40; i++) {
                custodian.deliverStatement(JULY_1, drop);
            }
        });
        int reads = 0;
        while (!redeliveries.isDone()) {
            CustodianStatement read = CustodianStatement.read(statement);
            assertThat(read.problems()).isEmpty();
            assertThat(read.holdings()).hasSize(2_000);
            reads++;
        }
        redeliveries.join();
        assertThat(reads).isPositive();
    }

    @Test
    void aDropDirectoryThatDoesNotExistIsCreated() {
        buy("ACC1:A:USD", "1", "1", JULY_1);

        Path statement = custodian.deliverStatement(JULY_1, drop.resolve("sftp").resolve("in"));

        assertThat(statement).exists().hasParent(drop.resolve("sftp").resolve("in"));
    }

    @Test
    void aLineSpoiledAfterDeliveryIsReportedWithItsNumber() throws IOException {
        buy("ACC1:A:USD", "1", "1", JULY_1);
        buy("ACC1:B:USD", "1", "1", JULY_1);
        buy("ACC1:C:USD", "1", "1", JULY_1);
        Path statement = custodian.deliverStatement(JULY_1, drop);
        List<String> lines = Files.readAllLines(statement);
        lines.set(2, lines.get(2).replace(",1,", ",one,"));
        Files.write(statement, lines);

        CustodianStatement read = CustodianStatement.read(statement);

        assertThat(read.holdings()).extracting(CustodianHolding::positionKey).containsExactly("ACC1:A:USD", "ACC1:C:USD");
        assertThat(read.problems()).containsExactly(
                new StatementProblem(3, "quantity must be a plain decimal, was \"one\""));
    }
}
