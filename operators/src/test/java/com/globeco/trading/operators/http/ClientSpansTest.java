package com.globeco.trading.operators.http;

import com.globeco.trading.messages.CorrelationIds;
import com.globeco.trading.operators.tracing.Tracing;
import com.globeco.trading.testkit.execution.ExecutionServiceSimulator;
import com.globeco.trading.testkit.execution.NewExecution;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ClientSpansTest {
    private static final String CORRELATION_ID = "0af7651916cd43dd8448eb211c80319c";
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final AutoCloseable tracing = Tracing.install(OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().setSampler(Sampler.alwaysOn()).addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .build());
    private final ExecutionServiceSimulator service = ExecutionServiceSimulator.start();
    private final long execution = service.createExecution(NewExecution.of("BUY", "68336002fe95851f0a2aeda9", 1000));
    private final ServiceCalls calls = new ServiceCalls("execution-service", service.baseUri(), Duration.ofSeconds(2), 2);

    @AfterEach
    void stop() throws Exception {
        calls.close();
        service.close();
        tracing.close();
    }

    @Test
    void aCallIsAClientSpanInTheTraceOfItsCorrelationIdAndGoesOutWithIt() throws Exception {
        int status = read(calls, execution);

        SpanData call = spans.getFinishedSpanItems().get(0);
        assertThat(status).isEqualTo(200);
        assertThat(call.getName()).isEqualTo("GET execution-service");
        assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(call.getTraceId()).isEqualTo(CorrelationIds.traceId(CORRELATION_ID));
        assertThat(call.getParentSpanContext().isRemote()).as("hangs under the parent derived from the correlation id").isTrue();
        assertThat(call.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
        assertThat(call.getAttributes().get(AttributeKey.stringKey("url.full"))).endsWith("/api/v1/execution/" + execution);
        assertThat(service.traceparents()).containsExactly("00-" + call.getTraceId() + "-" + call.getSpanId() + "-01");
    }

    @Test
    void aCallMadeWhileAMessageIsProcessedIsPartOfItsSpan() throws Exception {
        Span processing = Tracing.tracer().spanBuilder("apply trade").setParent(Tracing.parentOf(CORRELATION_ID)).startSpan();
        try (Scope ignored = processing.makeCurrent()) {
            read(calls, execution);
        } finally {
            processing.end();
        }

        SpanData call = spans.getFinishedSpanItems().stream().filter(span -> span.getKind() == SpanKind.CLIENT).findFirst().orElseThrow();
        assertThat(call.getParentSpanId()).isEqualTo(processing.getSpanContext().getSpanId());
    }

    @Test
    void anErrorAnswerAndAnUnreachableServiceAreErrorSpans() throws Exception {
        int missing = read(calls, execution + 1000);
        try (ServiceCalls nowhere = new ServiceCalls("nowhere", URI.create("http://localhost:1"), Duration.ofSeconds(1), 1)) {
            read(nowhere, 1);
        }

        assertThat(missing).isEqualTo(404);
        assertThat(spans.getFinishedSpanItems()).hasSize(2).allSatisfy(span -> assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR))
                .extracting(span -> span.getAttributes().get(AttributeKey.stringKey("error.type"))).containsExactly("404", "unreachable");
    }

    @Test
    void aCallTheOpenBreakerRefusesLeavesASpanThatSaysSoAndReachesNothing() throws Exception {
        CircuitBreaker breaker = CircuitBreakers.afterConsecutiveFailures("execution-service", 3, Duration.ofMinutes(1));
        breaker.transitionToOpenState();

        int status = calls.send(calls.request("/api/v1/execution/" + execution, CORRELATION_ID).GET().build(), response -> response.statusCode(),
                error -> -1, breaker, answer -> answer != 200, () -> 0).get(5, TimeUnit.SECONDS);

        assertThat(status).isZero();
        assertThat(service.requests()).isZero();
        assertThat(spans.getFinishedSpanItems()).singleElement().satisfies(span -> {
            assertThat(span.getStatus().getDescription()).isEqualTo("circuit breaker open");
            assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("circuit_breaker_open");
        });
    }

    private static int read(ServiceCalls calls, long execution) throws Exception {
        return calls.send(calls.request("/api/v1/execution/" + execution, CORRELATION_ID).GET().build(), response -> response.statusCode(),
                error -> -1).get(5, TimeUnit.SECONDS);
    }
}
