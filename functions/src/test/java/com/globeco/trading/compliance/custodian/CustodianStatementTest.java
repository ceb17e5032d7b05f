package com.globeco.trading.compliance.custodian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustodianStatementTest {

    private static final String HEADER =
            "statement_date,account,instrument,currency,quantity,average_cost,market_price,last_activity_date";
    private static final LocalDate JULY_1 = LocalDate.parse("2025-07-01");

    private static CustodianStatement parse(String... lines) throws IOException {
        return CustodianStatement.parse(new StringReader(String.join("\n", lines) + "\n"));
    }

    private static CustodianHolding holding(String key, String quantity, String averageCost, String marketPrice,
            String lastActivity) {
        return new CustodianHolding(JULY_1, key, new BigDecimal(quantity), new BigDecimal(averageCost),
                marketPrice == null ? null : new BigDecimal(marketPrice), LocalDate.parse(lastActivity));
    }

    @Test
    void theHeaderIsTheColumnsInOrder() {
        assertThat(StatementColumn.headerLine()).isEqualTo(HEADER);
    }

    @Test
    void readsEveryColumnOfEveryLineExactly() throws IOException {
        CustodianStatement statement = parse(HEADER,
                "2025-07-01,ACC-1,AAPL,USD,150.50,101.25000000,190.5,2025-06-30",
                "2025-07-01,ACC-1,BRK.B,USD,-20,50.00000000,,2025-07-01");

        assertThat(statement.problems()).isEmpty();
        assertThat(statement.hasProblems()).isFalse();
        assertThat(statement.holdings()).containsExactly(
                holding("ACC-1:AAPL:USD", "150.50", "101.25000000", "190.5", "2025-06-30"),
                holding("ACC-1:BRK.B:USD", "-20", "50.00000000", null, "2025-07-01"));
        CustodianHolding first = statement.holdings().get(0);
        assertThat(first.quantity()).hasToString("150.50");
        assertThat(first.account()).isEqualTo("ACC-1");
        assertThat(first.instrument()).isEqualTo("AAPL");
        assertThat(first.currency()).isEqualTo("USD");
    }

    @Test
    void aHeaderAloneIsAStatementWithoutPositions() throws IOException {
        CustodianStatement statement = parse(HEADER);

        assertThat(statement.holdings()).isEmpty();
        assertThat(statement.problems()).isEmpty();
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkAreRead() throws IOException {
        CustodianStatement statement = CustodianStatement.parse(new StringReader(
                "\uFEFF" + HEADER + "\r\n2025-07-01,ACC1,IBM,USD,10,5.00000000,6,2025-07-01\r\n"));

        assertThat(statement.problems()).isEmpty();
        assertThat(statement.holdings()).containsExactly(holding("ACC1:IBM:USD", "10", "5.00000000", "6", "2025-07-01"));
    }

    @Test
    void anEmptyFileIsAProblemOnLineOne() throws IOException {
        CustodianStatement statement = CustodianStatement.parse(new StringReader(""));

        assertThat(statement.holdings()).isEmpty();
        assertThat(statement.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.lineNumber()).isEqualTo(1);
            assertThat(problem.reason()).contains("empty file");
        });
    }

    @Test
    void anotherHeaderReadsNoLineSinceItsColumnsCannotBeTrusted() throws IOException {
        CustodianStatement statement = parse(
                "statement_date,account,instrument,currency,average_cost,quantity,market_price,last_activity_date",
                "2025-07-01,ACC1,IBM,USD,10,5.00000000,6,2025-07-01");

        assertThat(statement.holdings()).isEmpty();
        assertThat(statement.problems()).containsExactly(new StatementProblem(1, "the header must be " + HEADER
                + ", was statement_date,account,instrument,currency,average_cost,quantity... (96 characters)"));
    }

    @Test
    void everyBadLineIsAProblemWithItsNumberAndTheGoodLinesAreRead() throws IOException {
        CustodianStatement statement = parse(HEADER,
                "2025-07-01,ACC1,AAPL,USD,100,10.00000000,,2025-07-01",
                "2025-07-01,ACC1,IBM,USD,100,10.00000000,2025-07-01",
                "2025-07-32,ACC1,IBM,USD,100,10.00000000,,2025-07-01",
                "2025-07-01,acc1,IBM,USD,100,10.00000000,,2025-07-01",
                "2025-07-01,ACC1,IBM,USD,1E+2,10.00000000,,2025-07-01",
                "",
                "2025-07-01,ACC1,IBM,USD,100,-1,,2025-07-01",
                "2025-07-01,ACC1,MSFT,USD,7,3.00000000,4.5,2025-06-01",
                "2025-07-01,ACC1,AAPL,USD,1,1.00000000,,2025-07-01",
                "2025-07-01,ACC1,IBM,USD,\"100\",10.00000000,-2,01/07/2025");

        assertThat(statement.holdings()).extracting(CustodianHolding::positionKey)
                .containsExactly("ACC1:AAPL:USD", "ACC1:MSFT:USD");
        assertThat(statement.problems()).extracting(StatementProblem::lineNumber)
                .containsExactly(3, 4, 5, 6, 7, 8, 10, 11);
        assertThat(statement.problems()).extracting(StatementProblem::reason).containsExactly(
                "expected 8 fields, found 7",
                "statement_date must be a date (YYYY-MM-DD), was \"2025-07-32\"",
                "account, instrument and currency must make a position key ACCOUNT:INSTRUMENT:CCY, was acc1:IBM:USD",
                "quantity must be a plain decimal, was \"1E+2\"",
                "blank line",
                "average_cost must not be negative, was \"-1\"",
                "position ACC1:AAPL:USD is already listed on line 2",
                "quantity must be a plain decimal, was \"\"100\"\"; market_price must not be negative, was \"-2\"; "
                        + "last_activity_date must be a date (YYYY-MM-DD), was \"01/07/2025\"");
    }

    @Test
    void aFileNamedForADateWantsEveryLineDatedSo(@TempDir Path drop) throws IOException {
        Path file = drop.resolve(StatementFile.nameFor(JULY_1));
        Files.writeString(file, String.join("\n", HEADER,
                "2025-07-01,ACC1,IBM,USD,10,5.00000000,,2025-07-01",
                "2025-06-30,ACC1,AAPL,USD,10,5.00000000,,2025-06-30") + "\n", StandardCharsets.UTF_8);

        CustodianStatement statement = CustodianStatement.read(file);

        assertThat(statement.holdings()).extracting(CustodianHolding::positionKey).containsExactly("ACC1:IBM:USD");
        assertThat(statement.problems()).containsExactly(
                new StatementProblem(3, "statement_date 2025-06-30 is not the file's date 2025-07-01"));
    }

    @Test
    void aFileNamedOtherwiseIsReadWhateverItsDates(@TempDir Path drop) throws IOException {
        Path file = drop.resolve("holdings.csv");
        Files.writeString(file, HEADER + "\n2025-06-30,ACC1,AAPL,USD,10,5.00000000,,2025-06-30\n");

        assertThat(CustodianStatement.read(file).holdings()).hasSize(1);
    }

    @Test
    void aStatementFileIsNamedForItsDate() {
        assertThat(StatementFile.nameFor(JULY_1)).isEqualTo("custodian-positions-20250701.csv");
        assertThat(StatementFile.dateOf(Path.of("drop", "custodian-positions-20250701.csv"))).hasValue(JULY_1);
        assertThat(StatementFile.dateOf(Path.of("custodian-positions-20250701.csv.part"))).isEmpty();
        assertThat(StatementFile.dateOf(Path.of("custodian-positions-20251301.csv"))).isEmpty();
        assertThat(StatementFile.dateOf(Path.of("custodian-positions-2025071.csv"))).isEmpty();
        assertThat(StatementFile.dateOf(Path.of("positions-20250701.csv"))).isEmpty();
    }
}
