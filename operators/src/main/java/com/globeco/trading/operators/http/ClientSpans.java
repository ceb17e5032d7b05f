package com.globeco.trading.operators.http;

import com.globeco.trading.operators.tracing.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

import java.net.http.HttpRequest;

/**
 * One OpenTelemetry client span per call to a service, named {@code "<METHOD> <service>"} with the HTTP semantic
 * convention's attributes, in the trace of the request's {@code X-Correlation-ID}; the request goes out with the
 * span's {@code traceparent}, so the service's own spans hang under it.
 */
final class ClientSpans {
    static final String CORRELATION_HEADER = "X-Correlation-ID";
    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> URL = AttributeKey.stringKey("url.full");
    private static final AttributeKey<String> SERVER = AttributeKey.stringKey("server.address");
    private static final AttributeKey<Long> PORT = AttributeKey.longKey("server.port");
    private static final AttributeKey<String> PEER = AttributeKey.stringKey("peer.service");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<String> ERROR = AttributeKey.stringKey("error.type");
    private static final AttributeKey<String> CORRELATION = AttributeKey.stringKey("correlation.id");

    private final String service;
    private final Tracer tracer = Tracing.tracer();

    ClientSpans(String service) {
        this.service = service;
    }

    Span start(HttpRequest request) {
        String correlationId = request.headers().firstValue(CORRELATION_HEADER).orElse(null);
        return tracer.spanBuilder(request.method() + " " + service)
                .setSpanKind(SpanKind.CLIENT)
                .setParent(Tracing.parentOf(correlationId))
                .setAttribute(METHOD, request.method())
                .setAttribute(URL, request.uri().toString())
                .setAttribute(SERVER, request.uri().getHost())
                .setAttribute(PORT, (long) request.uri().getPort())
                .setAttribute(PEER, service)
                .setAttribute(CORRELATION, correlationId)
                .startSpan();
    }

    /** The request as it goes out: with the span's {@code traceparent}. */
    static HttpRequest carrying(HttpRequest request, Span span) {
        HttpRequest.Builder traced = HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("traceparent"));
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(span), traced, HttpRequest.Builder::header);
        return traced.build();
    }

    static void answered(Span span, int status) {
        span.setAttribute(STATUS, (long) status);
        if (status >= 400) {
            span.setAttribute(ERROR, String.valueOf(status)).setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    static void unreachable(Span span, String error) {
        span.setAttribute(ERROR, "unreachable").setStatus(StatusCode.ERROR, error).end();
    }

    /** A call the circuit breaker refused: a span with no request, so the trace shows why nothing reached the service. */
    void refused(HttpRequest request) {
        start(request).setAttribute(ERROR, "circuit_breaker_open").setStatus(StatusCode.ERROR, "circuit breaker open").end();
    }
}
