package com.globeco.trading.positions;

import com.globeco.trading.messages.SourceMessage;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * What the coldpath replays for one position: its event stream up to {@code asOfVersion}, the latest
 * provisional version among the backdated trades it covers, with the Kafka messages they came in (a
 * refusal dead-letters them verbatim). Requests of one position merge into one replay.
 */
public record PendingReplay(String positionKey, long asOfVersion, TaxLotMethod method, ProvisionalTrade[] trades, SourceMessage[] sources) {
    /** Backdated trades one replay covers at most, so that its correction's list of them fits a Kafka record. */
    public static final int MAX_TRADES = 500;

    public static PendingReplay of(ProvisionalTrade trade, SourceMessage source) {
        return new PendingReplay(trade.positionKey(), trade.provisionalVersion(), trade.method(), new ProvisionalTrade[] {trade},
                new SourceMessage[] {source});
    }

    /** One replay for both: to the later of the two versions, with the method of the later trade. */
    public PendingReplay merge(PendingReplay later) {
        return new PendingReplay(positionKey, Math.max(asOfVersion, later.asOfVersion),
                later.asOfVersion >= asOfVersion ? later.method : method,
                Stream.concat(Arrays.stream(trades), Arrays.stream(later.trades)).toArray(ProvisionalTrade[]::new),
                Stream.concat(Arrays.stream(sources), Arrays.stream(later.sources)).toArray(SourceMessage[]::new));
    }

    /** Whether {@code later} can join this replay without taking it beyond {@link #MAX_TRADES}. */
    public boolean canMerge(PendingReplay later) {
        return trades.length + later.trades.length <= MAX_TRADES;
    }

    public String[] tradeIds() {
        return Arrays.stream(trades).map(backdated -> backdated.trade().tradeId()).toArray(String[]::new);
    }

    public String correlationId() {
        return trades[0].trade().correlationId();
    }
}
