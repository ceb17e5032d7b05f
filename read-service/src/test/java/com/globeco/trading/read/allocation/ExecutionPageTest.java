package com.globeco.trading.read.allocation;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExecutionPageTest {

    @Test
    void aPageDefaultsToTheFirstFiftyAndKeepsItsLimitWithinOneThousand() {
        assertThat(ExecutionPage.of(null, null, null)).isEqualTo(new ExecutionPage(50, 0, Optional.empty()));
        assertThat(ExecutionPage.of("1000", "3", "17")).isEqualTo(new ExecutionPage(1000, 3, Optional.of(17)));
        assertThatThrownBy(() -> ExecutionPage.of("0", null, null)).hasMessage("limit must be an integer from 1 to 1000, got 0");
        assertThatThrownBy(() -> ExecutionPage.of("1001", null, null)).hasMessage("limit must be an integer from 1 to 1000, got 1001");
        assertThatThrownBy(() -> ExecutionPage.of(null, "-1", null)).hasMessage("offset must be an integer >= 0, got -1");
        assertThatThrownBy(() -> ExecutionPage.of(null, null, "0")).hasMessage("beforeId must be an integer from 1 to 2147483647, got 0");
    }

    @Test
    void theNextPageOfAPageIsByKeysetFromItsLastId() {
        assertThat(ExecutionPage.of("10", "20", null).after(41)).isEqualTo(new ExecutionPage(10, 0, Optional.of(41)));
    }
}
