package com.globeco.trading.operators.coldpath;

import java.time.Instant;
import java.time.LocalDate;
import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.positions.ProvisionalTrade;
import com.globeco.trading.positions.PendingReplay;
import com.globeco.trading.positions.TaxLotMethod;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.positions.TradeType;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Backdated trades of one position coalesce into replays of at most {@link PendingReplay#MAX_TRADES} trades. */
class CoalesceReplaysTest {
    private static final String KEY = "ACC-1:AAPL:USD";

    @Test
    void tradesBeyondOneReplaysBoundGoIntoTheNextReplayAndNoneIsLost() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, PendingReplay, PendingReplay> harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new CoalesceReplays(Duration.ofSeconds(2)), PendingReplay::positionKey, Types.STRING);
        int trades = 2 * PendingReplay.MAX_TRADES + 7;

        for (int trade = 1; trade <= trades; trade++) {
            harness.processElement(request(trade), 0);
        }
        harness.setProcessingTime(2_000);

        List<PendingReplay> replays = harness.extractOutputValues();
        assertThat(replays).extracting(replay -> replay.trades().length)
                .containsExactly(PendingReplay.MAX_TRADES, PendingReplay.MAX_TRADES, 7);
        assertThat(replays).extracting(PendingReplay::asOfVersion).containsExactly(500L, 1_000L, (long) trades);
        assertThat(replays.stream().flatMap(replay -> Arrays.stream(replay.tradeIds())))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, trades).mapToObj(trade -> "T" + trade).toList());
    }

    @Test
    void aReplayStillCoalescingWhenTheInputEndsIsSentThenNotLost() throws Exception {
        try (var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new CoalesceReplaysOperator(new CoalesceReplays(Duration.ofSeconds(2))), PendingReplay::positionKey, Types.STRING)) {
            harness.open();
            harness.processElement(request(1), 0);
            harness.processElement(request(2), 0);

            harness.endInput();

            assertThat(harness.extractOutputValues()).as("sent before its timer").singleElement()
                    .satisfies(replay -> assertThat(replay.tradeIds()).containsExactly("T1", "T2"));
            harness.setProcessingTime(2_000);
            assertThat(harness.extractOutputValues()).as("its timer finds nothing more to send").hasSize(1);
        }
    }

    private static PendingReplay request(int number) {
        Trade trade = new Trade("T" + number, KEY, TradeType.INCREASE, BigDecimal.ONE, BigDecimal.TEN, LocalDate.parse("2026-01-02"),
                Instant.parse("2026-01-05T10:00:00Z"), null, "corr-" + number, null, null);
        return PendingReplay.of(new ProvisionalTrade(trade, number, TaxLotMethod.FIFO), new SourceMessage("backdated-trades", 0, number, 0, "{}"));
    }
}
