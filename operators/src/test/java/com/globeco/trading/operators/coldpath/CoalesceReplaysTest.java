package com.globeco.trading.operators.coldpath;

import com.globeco.trading.fills.SourceMessage;
import com.globeco.trading.positions.BackdatedTrade;
import com.globeco.trading.positions.ReplayRequest;
import com.globeco.trading.positions.TaxLotMethod;
import com.globeco.trading.positions.TradeEvent;
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

/** Backdated trades of one position coalesce into replays of at most {@link ReplayRequest#MAX_TRADES} trades. */
class CoalesceReplaysTest {
    private static final String KEY = "ACC-1:AAPL:USD";

    @Test
    void tradesBeyondOneReplaysBoundGoIntoTheNextReplayAndNoneIsLost() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, ReplayRequest, ReplayRequest> harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new CoalesceReplays(Duration.ofSeconds(2)), ReplayRequest::positionKey, Types.STRING);
        int trades = 2 * ReplayRequest.MAX_TRADES + 7;

        for (int trade = 1; trade <= trades; trade++) {
            harness.processElement(request(trade), 0);
        }
        harness.setProcessingTime(2_000);

        List<ReplayRequest> replays = harness.extractOutputValues();
        assertThat(replays).extracting(replay -> replay.trades().length)
                .containsExactly(ReplayRequest.MAX_TRADES, ReplayRequest.MAX_TRADES, 7);
        assertThat(replays).extracting(ReplayRequest::asOfVersion).containsExactly(500L, 1_000L, (long) trades);
        assertThat(replays.stream().flatMap(replay -> Arrays.stream(replay.tradeIds())))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, trades).mapToObj(trade -> "T" + trade).toList());
    }

    private static ReplayRequest request(int number) {
        TradeEvent trade = new TradeEvent("T" + number, KEY, TradeType.INCREASE, BigDecimal.ONE, BigDecimal.TEN, "2026-01-02",
                "2026-01-05T10:00:00Z", null, "corr-" + number, null, null);
        return ReplayRequest.of(new BackdatedTrade(trade, number, TaxLotMethod.FIFO), new SourceMessage("backdated-trades", 0, number, 0, "{}"));
    }
}
