package com.globeco.trading.operators.tracing;

import com.globeco.trading.messages.CorrelationIds;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TracingTest {
    private static final String CORRELATION_ID = "4bf92f35-77b3-4da6-a3ce-929d0e0e4736";

    @Test
    void aMessageWithoutASpanHangsUnderARemoteParentInTheTraceOfItsCorrelationIdTheSameInEveryJob() {
        SpanContext parent = Span.fromContext(Tracing.parentOf(CORRELATION_ID)).getSpanContext();

        assertThat(parent.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(parent.isRemote()).isTrue();
        assertThat(parent.isValid()).isTrue();
        assertThat(Span.fromContext(Tracing.parentOf(CORRELATION_ID)).getSpanContext()).isEqualTo(parent);
        assertThat(Span.fromContext(Tracing.parentOf("trade-7")).getSpanContext().getTraceId()).isEqualTo(CorrelationIds.traceId("trade-7"));
    }

    @Test
    void theSpanCurrentOnTheThreadIsTheParentOfWhatItCauses() {
        Span current = Span.wrap(Span.fromContext(Tracing.parentOf("other")).getSpanContext());
        try (Scope ignored = Context.root().with(current).makeCurrent()) {
            assertThat(Span.fromContext(Tracing.parentOf(CORRELATION_ID)).getSpanContext()).isEqualTo(current.getSpanContext());
        }
    }

    @Test
    void byDefaultNothingIsExportedAndOneTraceInAHundredIsSampledByItsTraceId() {
        OpenTelemetrySdk defaults = AutoConfiguredOpenTelemetrySdk.builder().addPropertiesSupplier(() -> Tracing.DEFAULTS)
                .disableShutdownHook().build().getOpenTelemetrySdk();

        assertThat(defaults.getSdkTracerProvider().getSampler().getDescription()).isEqualTo("TraceIdRatioBased{0.010000}");
        assertThat(defaults.getSdkTracerProvider().toString()).doesNotContain("SpanExporter");
        defaults.close();
    }

    @Test
    void otlpIsChosenTheStandardWayAndSpeaksHttp() {
        java.util.Map<String, String> otlp = new java.util.HashMap<>(Tracing.DEFAULTS);
        otlp.put("otel.traces.exporter", "otlp");
        OpenTelemetrySdk configured = AutoConfiguredOpenTelemetrySdk.builder().addPropertiesSupplier(() -> otlp)
                .disableShutdownHook().build().getOpenTelemetrySdk();

        assertThat(configured.getSdkTracerProvider().toString()).contains("OtlpHttpSpanExporter").contains("http://localhost:4318/v1/traces");
        configured.close();
    }
}
