package com.globeco.trading.operators.positions;

import com.globeco.trading.positions.Correction;
import com.globeco.trading.positions.CorrectionOutcome;
import com.globeco.trading.positions.EventType;
import com.globeco.trading.positions.PositionCommand;
import com.globeco.trading.positions.PositionEvent;
import com.globeco.trading.positions.PositionStatus;
import com.globeco.trading.positions.TaxLots;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.TradeType;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static com.globeco.trading.operators.positions.HostedParts.NOW;
import static com.globeco.trading.operators.positions.HostedParts.TODAY;
import static com.globeco.trading.operators.positions.HostedParts.trade;
import static org.assertj.core.api.Assertions.assertThat;

class CorrectionAdoptionTest {
    private static final String KEY = "ACC-7:AAPL:USD";
    private static final TaxLots TRUTH_AS_OF_3 = TaxLots.none().open("T1", TODAY.minusDays(5), BigDecimal.TEN, new BigDecimal("90"));

    private final InterceptingOperatorMetricGroup agesGroup = new InterceptingOperatorMetricGroup();
    private final ProvisionalAges ages = new ProvisionalAges();
    private HostedParts parts;
    private CorrectionAdoption adoption;

    @BeforeEach
    void open() throws Exception {
        parts = new HostedParts();
        adoption = new CorrectionAdoption(parts.positions(), parts.book(), ages, parts.changed, parts.rejections(), parts.metrics,
                parts.log, parts.output());
        ages.register(agesGroup, () -> NOW);
        parts.apply(trade("T1", KEY, TradeType.NEW_TRADE, "100", TODAY.minusDays(5)));
        parts.apply(trade("T2", KEY, TradeType.DECREASE, "60", TODAY.minusDays(1)));
        parts.apply(trade("T3", KEY, TradeType.NEW_TRADE, "50", TODAY.minusDays(7)));
        ages.provisional(KEY, NOW);
        parts.apply(trade("T4", KEY, TradeType.INCREASE, "10", TODAY));
    }

    @AfterEach
    void close() throws Exception {
        parts.close();
    }

    @Test
    void aCorrectionReplacesTheProvisionalLotsKeepsWhatWasAppliedSinceAndAsksForTheSettledTradesContracts() throws Exception {
        adopt(new Correction(KEY, 3, CorrectionOutcome.CORRECTED, TRUTH_AS_OF_3, BigDecimal.ZERO, new String[] {"T3"}, null, "corr-T3"));

        assertThat(parts.events()).singleElement().satisfies(corrected -> {
            assertThat(corrected.eventType()).isEqualTo(EventType.HISTORICAL_POSITION_CORRECTED);
            assertThat(corrected.eventVersion()).isEqualTo(5);
        });
        assertThat(parts.side(KeepPositions.CORRECTED)).extracting(PositionEvent::eventVersion).containsExactly(5L);
        assertThat(parts.side(KeepPositions.CONTRACT_REQUESTS)).extracting(Trade::tradeId).containsExactly("T3");
        assertThat(parts.positions().of(KEY).status()).isEqualTo(PositionStatus.RECONCILED);
        assertThat(parts.book().settledBy(5).isEmpty()).as("nothing outstanding any more").isTrue();
        assertThat(provisionalPositions()).isZero();
        assertThat(parts.count("correctionsAdopted")).isEqualTo(1);
    }

    @Test
    void aCorrectionThatSettlesNothingChangesNothing() throws Exception {
        Correction correction = new Correction(KEY, 3, CorrectionOutcome.CORRECTED, TRUTH_AS_OF_3, BigDecimal.ZERO, new String[] {"T3"},
                null, "corr-T3");
        adopt(correction);
        adopt(correction);

        assertThat(parts.events()).hasSize(1);
        assertThat(parts.count("staleCorrections")).isEqualTo(1);
        assertThat(parts.count("correctionsAdopted")).isEqualTo(1);
    }

    @Test
    void aRefusedCorrectionSettlesItsTradesAndLeavesThePositionProvisional() throws Exception {
        adopt(Correction.refused(KEY, 3, new String[] {"T3"}, "finds 0 open", "corr-T3"));

        assertThat(parts.events()).isEmpty();
        assertThat(parts.side(KeepPositions.CORRECTED)).isEmpty();
        assertThat(parts.positions().of(KEY).status()).isEqualTo(PositionStatus.PROVISIONAL);
        assertThat(parts.book().settledBy(4).isEmpty()).isTrue();
        assertThat(provisionalPositions()).isEqualTo(1);
        assertThat(parts.count("correctionsRefused")).isEqualTo(1);
    }

    private void adopt(Correction correction) throws Exception {
        PositionCommand command = PositionCommand.of(correction, null);
        adoption.adopt((PositionCommand.AdoptCorrection) command, parts.positions().of(KEY), new StreamRecord<>(command, NOW), NOW);
    }

    @SuppressWarnings("unchecked")
    private int provisionalPositions() {
        return ((Gauge<Integer>) agesGroup.get("provisionalPositions")).getValue();
    }
}
