package com.globeco.trading.testkit.accounting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PortfolioAccountingCliSimulatorTest {
    private static final String GOOD = "684f125ac19ad4fb89bc14ba,68336002fe95851f0a2aeda9,AC27,BUY,1000,190.4096,20250527";
    @TempDir
    Path directory;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void aFileWithOneBadLineAmongGoodOnesExitsZeroAndListsTheBadLineInItsErrorFile() throws Exception {
        Path file = Files.write(directory.resolve("allocations-1.csv"), List.of(PortfolioAccountingCliSimulator.HEADER, GOOD,
                GOOD.replace("AC27", "AC28").replace("BUY", "LEND"), GOOD.replace("AC27", "AC29")));
        Path output = directory.resolve("out");

        int exit = cli("process", "--file", file.toString(), "--output-dir", output.toString());

        assertThat(exit).as("record errors do not change the exit code").isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Error Records: 1");
        assertThat(Files.readAllLines(output.resolve("allocations-1.csv.errors.csv"))).containsExactly(
                PortfolioAccountingCliSimulator.HEADER + ",error_message",
                GOOD.replace("AC27", "AC28").replace("BUY", "LEND") + ",\"transaction_type must be one of [BUY, COVER, DEP, IN, OUT, SELL, SHORT, WD]\"");
    }

    @Test
    void aGoodFileLeavesNoErrorFileAndColumnsMayComeInAnyOrder() throws Exception {
        Path file = Files.write(directory.resolve("allocations-2.csv"), List.of(
                "source_id,portfolio_id,security_id,transaction_type,quantity,price,transaction_date",
                "AC27,684f125ac19ad4fb89bc14ba,68336002fe95851f0a2aeda9,SELL,-5,1.5,20250527",
                "AC30,684f125ac19ad4fb89bc14ba,,DEP,100,1.0,20250527"));

        assertThat(cli("process", "--file", file.toString(), "--output-dir", directory.toString())).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Error Records: 0");
        assertThat(directory.resolve("allocations-2.csv.errors.csv")).doesNotExist();
    }

    @Test
    void problemsWithTheFileItselfExitNonZero() throws Exception {
        Path text = Files.write(directory.resolve("allocations-3.txt"), List.of(PortfolioAccountingCliSimulator.HEADER, GOOD));
        Path noHeader = Files.write(directory.resolve("allocations-4.csv"), List.of(GOOD));

        assertThat(cli("process", "--file", text.toString())).isNotZero();
        assertThat(cli("process", "--file", directory.resolve("missing.csv").toString())).isNotZero();
        assertThat(cli("process", "--file", noHeader.toString())).isNotZero();
    }

    @Test
    void eachRuleOfALineIsChecked() {
        List<String> header = PortfolioAccountingCliSimulator.COLUMNS;

        assertThat(PortfolioAccountingCliSimulator.problem(header, GOOD)).isNull();
        assertThat(PortfolioAccountingCliSimulator.problem(header, GOOD.replace("190.4096", "0"))).contains("price");
        assertThat(PortfolioAccountingCliSimulator.problem(header, GOOD.replace("20250527", "2025-05-27"))).contains("transaction_date");
        assertThat(PortfolioAccountingCliSimulator.problem(header, GOOD.replace("684f125ac19ad4fb89bc14ba", "short"))).contains("portfolio_id");
        assertThat(PortfolioAccountingCliSimulator.problem(header, GOOD.replace("AC27", "x".repeat(51)))).contains("source_id");
        assertThat(PortfolioAccountingCliSimulator.problem(header, GOOD.replace(",BUY,", ",DEP,"))).contains("security_id must be empty");
        assertThat(PortfolioAccountingCliSimulator.problem(header, GOOD + ",extra")).contains("columns");
    }

    private int cli(String... args) {
        return PortfolioAccountingCliSimulator.run(List.of(args), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }
}
