package com.globeco.trading.confirmation;

import com.globeco.trading.confirmation.ExecutionLedger.Verdict;
import com.globeco.trading.execution.ExecutionState;
import com.globeco.trading.fills.Fill;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static com.globeco.trading.fills.Fills.fill;
import static org.assertj.core.api.Assertions.assertThat;

class ExecutionLedgerTest {
    private static final Fill FIRST = fill(7, 1, "300", "10.5");
    private static final Fill SECOND = fill(7, 2, "700", "10.7");

    @Test
    void sendsAFillAboveTheKnownTotals() {
        assertThat(ExecutionLedger.empty().judge(FIRST)).isEqualTo(Verdict.SEND);
    }

    @Test
    void skipsAZeroFillAsNothingToConfirm() {
        Fill zero = fill(7, 0, "0", null);

        assertThat(ExecutionLedger.empty().judge(zero)).isEqualTo(Verdict.STALE);
        assertThat(ExecutionLedger.empty().staleReason(zero)).contains("zero fill");
    }

    @Test
    void anOlderFillIsStaleOnceANewerOneIsConfirmed() {
        ExecutionLedger ledger = ExecutionLedger.empty().settled(SECOND, state(700, 2));

        assertThat(ledger.judge(FIRST)).isEqualTo(Verdict.STALE);
        assertThat(ledger.knownVersion()).isEqualTo(2);
    }

    @Test
    void aFillSeenBeforeIsADuplicateEvenWhenOlder() {
        ExecutionLedger ledger = ExecutionLedger.empty()
                .settled(FIRST, state(300, 2))
                .settled(SECOND, state(700, 3));

        assertThat(ledger.judge(fill(7, 1, "300.000", "10.5"))).isEqualTo(Verdict.DUPLICATE);
        assertThat(ledger.judge(SECOND)).isEqualTo(Verdict.DUPLICATE);
    }

    @Test
    void neverLowersTheKnownQuantity() {
        ExecutionLedger ledger = ExecutionLedger.empty()
                .settled(SECOND, state(700, 3))
                .settled(FIRST, state(300, 4));

        assertThat(ledger.knownQuantityFilled()).isEqualByComparingTo("700");
    }

    @Test
    void forgettingTheVersionKeepsTheHistory() {
        ExecutionLedger ledger = ExecutionLedger.empty().settled(FIRST, state(300, 2)).forgetVersion();

        assertThat(ledger.knownVersion()).isZero();
        assertThat(ledger.judge(FIRST)).isEqualTo(Verdict.DUPLICATE);
    }

    private static ExecutionState state(int quantityFilled, int version) {
        return new ExecutionState(7, new BigDecimal(1000), new BigDecimal(quantityFilled), BigDecimal.TEN, version, "PART");
    }
}
