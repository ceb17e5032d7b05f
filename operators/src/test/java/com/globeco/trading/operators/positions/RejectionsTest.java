package com.globeco.trading.operators.positions;

import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.operators.logging.CorrelatedLog;
import com.globeco.trading.positions.PositionChange;
import com.globeco.trading.positions.PositionCommand;
import com.globeco.trading.positions.ReferencePrice;
import com.globeco.trading.positions.TradeType;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.MockOutput;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.globeco.trading.operators.positions.HostedParts.TODAY;
import static com.globeco.trading.operators.positions.HostedParts.trade;
import static org.assertj.core.api.Assertions.assertThat;

class RejectionsTest {
    private static final long NOW = 5_000;
    private static final SourceMessage MESSAGE = new SourceMessage("trade-events", 2, 42, NOW, "{\"original\":\"T2\"}");

    private final List<DeadLetter> letters = new ArrayList<>();
    private final Rejections rejections = new Rejections(new MockOutput<PositionChange>(new ArrayList<>()) {
        @Override
        public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {
            assertThat(tag).isEqualTo(KeepPositions.REJECTED);
            letters.add((DeadLetter) record.getValue());
        }
    }, new PositionMetrics(new InterceptingOperatorMetricGroup(), () -> 0), new CorrelatedLog(LoggerFactory.getLogger(RejectionsTest.class), "test"));

    @Test
    void aRefusedTradeIsDeadLetteredWithItsKafkaMessage() {
        PositionCommand command = PositionCommand.of(trade("T2", "ACC-7:AAPL:USD", TradeType.DECREASE, "100.5", TODAY), MESSAGE);

        rejections.trade((PositionCommand.ApplyTrade) command, DeadLetterReason.INSUFFICIENT_QUANTITY, "only 100 open", NOW);

        assertThat(letters).singleElement().isEqualTo(new DeadLetter("trade-events", 2, 42, "ACC-7:AAPL:USD", "{\"original\":\"T2\"}",
                "INSUFFICIENT_QUANTITY", "only 100 open", "corr-T2", NOW));
    }

    @Test
    void aCommandIsDeadLetteredWithTheCorrelationItIsGiven() {
        PositionCommand command = PositionCommand.of(trade("T2", "ACC-7:AAPL:USD", TradeType.INCREASE, "1", TODAY), MESSAGE);

        rejections.command(command, DeadLetterReason.STATE_BEHIND_DATABASE, "behind", "corr-X", NOW);

        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo("STATE_BEHIND_DATABASE");
            assertThat(letter.correlationId()).isEqualTo("corr-X");
        });
    }

    @Test
    void aFailedResetIsDeadLetteredWithThePriceAndNoKafkaMessage() {
        ReferencePrice price = new ReferencePrice("AAPL", BigDecimal.TEN, Instant.parse("2025-06-02T20:00:00Z"), "md-1");

        rejections.reset("ACC-7:AAPL:USD", price, new ArithmeticException("overflow"), NOW);

        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.sourceTopic()).isNull();
            assertThat(letter.sourceOffset()).isEqualTo(-1);
            assertThat(letter.key()).isEqualTo("ACC-7:AAPL:USD");
            assertThat(letter.payload()).isEqualTo(price.toString());
            assertThat(letter.reason()).isEqualTo("PROCESSING_ERROR");
            assertThat(letter.error()).contains("overflow");
            assertThat(letter.correlationId()).isEqualTo("md-1");
        });
    }
}
