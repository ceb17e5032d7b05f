package com.globeco.trading.operators.positions;

import com.globeco.trading.messages.DeadLetterReason;
import com.globeco.trading.operators.tracing.Tracing;
import com.globeco.trading.positions.Hotpath;
import com.globeco.trading.positions.Trade;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * The span of one trade's processing on the hotpath, current while the trade is judged, so what it causes on the
 * same thread (a chained contract call, a dead letter) belongs to it. It tells the trade's outcome: applied (with
 * the position's new version and whether the trade was in sequence or backdated), a duplicate, or refused.
 */
final class TradeSpan implements AutoCloseable {
    static final String NAME = "apply trade";
    static final AttributeKey<String> TRADE = AttributeKey.stringKey("trade.id");
    static final AttributeKey<String> POSITION = AttributeKey.stringKey("position.key");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("trade.outcome");
    static final AttributeKey<String> SEQUENCE = AttributeKey.stringKey("trade.sequence");
    static final AttributeKey<Long> VERSION = AttributeKey.longKey("position.version");
    private static final AttributeKey<String> CORRELATION = AttributeKey.stringKey("correlation.id");

    private final Span span;
    private final Scope scope;

    private TradeSpan(Span span) {
        this.span = span;
        this.scope = span.makeCurrent();
    }

    static TradeSpan start(Tracer tracer, Trade trade) {
        return new TradeSpan(tracer.spanBuilder(NAME)
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(Tracing.parentOf(trade.correlationId()))
                .setAttribute(TRADE, trade.tradeId())
                .setAttribute(POSITION, trade.positionKey())
                .setAttribute(CORRELATION, trade.correlationId())
                .startSpan());
    }

    void applied(Hotpath.Applied result) {
        span.setAttribute(OUTCOME, "applied")
                .setAttribute(SEQUENCE, result.sequence().name())
                .setAttribute(VERSION, result.state().version());
    }

    void duplicate(long appliedAsVersion) {
        span.setAttribute(OUTCOME, "duplicate").setAttribute(VERSION, appliedAsVersion);
    }

    /** Marks the current trade span, if any, as refused. */
    static void refused(DeadLetterReason reason, String error) {
        Span.current().setAttribute(OUTCOME, reason.name()).setStatus(StatusCode.ERROR, error);
    }

    @Override
    public void close() {
        scope.close();
        span.end();
    }
}
