package com.globeco.trading.operators.tracing;

import com.globeco.trading.messages.CorrelationIds;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.util.Map;

/**
 * The OpenTelemetry of this JVM, shared by every subtask in it, configured the standard way ({@code OTEL_*}
 * environment variables or {@code otel.*} system properties). Unless told otherwise it exports nothing and samples
 * 1% of traces by their trace id, so every job and service call makes the same choice for one trade or fill; set
 * {@code OTEL_TRACES_EXPORTER=otlp} (HTTP, {@code OTEL_EXPORTER_OTLP_ENDPOINT}) or {@code logging} to see them.
 *
 * <p>A message's spans belong to the trace its correlation id names; the jobs carry only that id, so the spans hang
 * under one remote parent derived from it ({@link #parentOf}), the same in every job.
 */
public final class Tracing {
    static final Map<String, String> DEFAULTS = Map.of(
            "otel.service.name", "trade-lifecycle",
            "otel.traces.exporter", "none",
            "otel.metrics.exporter", "none",
            "otel.logs.exporter", "none",
            "otel.traces.sampler", "traceidratio",
            "otel.traces.sampler.arg", "0.01",
            "otel.exporter.otlp.protocol", "http/protobuf");
    private static final String INSTRUMENTATION = "com.globeco.trading";
    private static final String DERIVED_PARENT_SPAN = CorrelationIds.spanId(0);
    private static volatile OpenTelemetry installed;

    private Tracing() {}

    /** Whether the OpenTelemetry SDK reads this environment variable (all {@code OTEL_*} are its own). */
    public static boolean reads(String environmentVariable) {
        return environmentVariable.startsWith("OTEL_");
    }

    public static Tracer tracer() {
        return openTelemetry().getTracer(INSTRUMENTATION);
    }

    /**
     * The context to start a message's span in: the span current on this thread if there is one, else the remote
     * parent derived from the message's correlation id (none when it has no correlation id).
     */
    public static Context parentOf(String correlationId) {
        Context current = Context.current();
        if (Span.fromContext(current).getSpanContext().isValid() || correlationId == null) {
            return current;
        }
        SpanContext parent = SpanContext.createFromRemoteParent(CorrelationIds.traceId(correlationId), DERIVED_PARENT_SPAN,
                TraceFlags.getDefault(), TraceState.getDefault());
        return Context.root().with(Span.wrap(parent));
    }

    /**
     * Uses {@code telemetry} instead of the configured one until the returned handle is closed: for tests (an
     * in-memory exporter) and embedders with an SDK of their own. Takes effect for operators opened afterwards.
     */
    public static synchronized AutoCloseable install(OpenTelemetry telemetry) {
        OpenTelemetry previous = installed;
        installed = telemetry;
        return () -> {
            synchronized (Tracing.class) {
                installed = previous;
            }
        };
    }

    static synchronized OpenTelemetry openTelemetry() {
        if (installed == null) {
            installed = AutoConfiguredOpenTelemetrySdk.builder()
                    .addPropertiesSupplier(() -> DEFAULTS)
                    .build()
                    .getOpenTelemetrySdk();
        }
        return installed;
    }
}
