package com.globeco.trading.testkit.accounting;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PortfolioAccountingCliSimulatorTest {
    private static final String GOOD = "684f125ac19ad4fb89bc14ba,68336002fe95851f0a2aeda9,AC27,BUY,1000,190.4096,20250527";

    @Test
    void acceptsAWellFormedFile() {
        assertThat(PortfolioAccountingCliSimulator.problems(List.of(PortfolioAccountingCliSimulator.HEADER, GOOD))).isEmpty();
    }

    @Test
    void rejectsAMissingHeaderAndBrokenLines() {
        List<String> problems = PortfolioAccountingCliSimulator.problems(List.of(GOOD,
                GOOD.replace("BUY", "LEND"), GOOD.replace("190.4096", "0"), GOOD.replace("20250527", "2025-05-27")));

        assertThat(problems).hasSize(4);
        assertThat(problems.get(0)).startsWith("line 1: the header");
    }
}
