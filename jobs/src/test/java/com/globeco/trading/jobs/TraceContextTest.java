package com.globeco.trading.jobs;

import com.globeco.trading.messages.CorrelationIds;
import com.globeco.trading.operators.fills.ConfirmationSettings;
import com.globeco.trading.testkit.fills.ExecutionRegistry;
import com.globeco.trading.testkit.fills.FillGenerator;
import com.globeco.trading.testkit.fills.GeneratedExecution;
import com.globeco.trading.operators.tracing.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.apache.flink.runtime.testutils.CommonTestUtils;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * W3C trace context through the jobs: a message that comes with a {@code traceparent} header keeps its trace id
 * on everything done for it (its audit row, its dead letter, every Execution and Contract Service call, its events
 * and corrections), and every record the jobs write carries it in a {@code traceparent} header of its own. With
 * every trace sampled into an in-memory exporter, the OpenTelemetry spans of a fill's service calls and of a
 * trade's hotpath processing and contract call are in that trace too, and each call went out with its own span.
 */
class TraceContextTest {
    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    private static AutoCloseable tracing;
    @RegisterExtension
    static final EmbeddedServices STACK = new EmbeddedServices();
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(2, 4);
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));

    @BeforeAll
    static void sampleEveryTrace() {
        tracing = Tracing.install(OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().setSampler(Sampler.alwaysOn()).addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build())
                .build());
    }

    @AfterAll
    static void stopTracing() throws Exception {
        tracing.close();
    }

    @Test
    void aFillKeepsItsTraceIdOnItsCallsAndItsAuditRowAndABadOneOnItsDeadLetter() throws Exception {
        ConfirmationTopic topic = new ConfirmationTopic(STACK, "traced-fills");
        GeneratedExecution execution = new FillGenerator(11, ExecutionRegistry.inProcess(STACK.executionService())).executions(1).get(0);
        String confirmed = traceId(1);
        String refused = traceId(2);
        STACK.executionService().resetStats();

        try (RunningJob job = topic.startJob(TestFlink.environment(), ConfirmationSettings.defaults(STACK.executionService().baseUri()));
             KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            send(producer, topic.name(), execution.fillsJson().get(0), confirmed);
            send(producer, topic.name(), "{\"not\": \"a fill\"", refused);
            topic.audit().awaitRows(2, TestFlink.PATIENCE);
            ConsumerRecord<String, String> letter = STACK.kafka().readCommitted(topic.deadLetterTopic(), 1, TestFlink.PATIENCE).get(0);

            assertThat(auditCorrelationIds(topic.name())).containsExactlyInAnyOrder(uuid(confirmed), uuid(refused));
            assertThat(STACK.executionService().traceIds()).as("the GET and PUT of the fill").containsExactly(confirmed);
            assertThat(letter.value()).contains("\"correlationId\":\"" + uuid(refused) + "\"");
            assertThat(traceIdOf(letter)).isEqualTo(refused);
            List<SpanData> calls = spansOf(confirmed);
            assertThat(calls).allSatisfy(call -> assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT))
                    .filteredOn(TraceContextTest::answered).extracting(SpanData::getName).containsExactly("GET execution-service", "PUT execution-service");
            assertThat(calls.stream().map(TraceContextTest::traceparentOf).toList()).as("each call went out with its own span")
                    .containsAll(STACK.executionService().traceparents());
            assertThat(spansOf(refused)).as("nothing was called for the bad fill").isEmpty();
        }
    }

    @Test
    void aTradeAndABackdatedTradeKeepTheirTraceIdsThroughTheHotpathTheContractServiceAndTheColdpath() throws Exception {
        TradeHotpathOptions hotpath = TradeHotpathOptions.from(STACK.jobArguments("--hotpath.topic-prefix", "traced.",
                "--contract-service.url", STACK.contractService().baseUri().toString()));
        BackdatedColdpathOptions coldpath = BackdatedColdpathOptions.from(STACK.jobArguments("--coldpath.topic-prefix", "traced."));
        STACK.kafka().createTopics(2, Stream.concat(Arrays.stream(hotpath.topics()), Arrays.stream(coldpath.topics())).distinct()
                .toArray(String[]::new));
        String key = "ACC-TRACED:INSTR1:USD";
        String opened = traceId(3);
        String backdated = traceId(4);
        STACK.contractService().resetStats();

        try (RunningJob hot = RunningJob.define(TradeHotpathJob.NAME, env -> TradeHotpathJob.define(env, hotpath.wiring()));
             RunningJob cold = RunningJob.define(BackdatedColdpathJob.NAME, env -> BackdatedColdpathJob.define(env, coldpath.wiring()));
             KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            send(producer, hotpath.topic("trade-events"), TradeScenario.json("traced-1", key, "NEW_TRADE", BigDecimal.TEN, BigDecimal.ONE, TODAY),
                    opened);
            CommonTestUtils.waitUntilCondition(() -> STACK.positionTables().eventCount(key) == 1);
            send(producer, hotpath.topic("trade-events"), TradeScenario.json("traced-2", key, "INCREASE", BigDecimal.ONE, BigDecimal.TEN,
                    TODAY.minusDays(3)), backdated);
            List<ConsumerRecord<String, String>> corrections = STACK.kafka().readCommitted(hotpath.topic("historical-position-corrected-events"),
                    1, TestFlink.PATIENCE);

            assertThat(eventCorrelationIds(key)).containsExactly(uuid(opened), uuid(backdated), uuid(backdated));
            assertThat(STACK.contractService().traceIds()).as("contract generation of the new trade").contains(opened);
            assertThat(STACK.kafka().readCommitted(hotpath.topic("trade-applied-events"), 2, TestFlink.PATIENCE))
                    .as("the trade and the backdated trade applied provisionally").extracting(TraceContextTest::traceIdOf)
                    .containsExactly(opened, backdated);
            assertThat(STACK.kafka().readCommitted(hotpath.topic("backdated-trades"), 1, TestFlink.PATIENCE))
                    .extracting(TraceContextTest::traceIdOf).containsExactly(backdated);
            assertThat(STACK.kafka().readCommitted(coldpath.topic("position-corrections"), 1, TestFlink.PATIENCE))
                    .extracting(TraceContextTest::traceIdOf).containsExactly(backdated);
            assertThat(corrections).extracting(TraceContextTest::traceIdOf).containsExactly(backdated);

            SpanData applied = onlySpan(opened, "apply trade");
            assertThat(applied.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(applied.getAttributes().asMap()).containsEntry(AttributeKey.stringKey("trade.outcome"), "applied")
                    .containsEntry(AttributeKey.stringKey("trade.sequence"), "CURRENT_DATED").containsEntry(AttributeKey.longKey("position.version"), 1L);
            CommonTestUtils.waitUntilCondition(() -> contractCalls(opened).stream().anyMatch(TraceContextTest::answered));
            List<SpanData> contractCalls = contractCalls(opened);
            assertThat(contractCalls.get(0).getParentSpanId()).as("the hotpath's contract call is part of the trade's processing")
                    .isEqualTo(applied.getSpanId());
            assertThat(contractCalls.stream().map(TraceContextTest::traceparentOf).toList())
                    .as("every contract call for the trade went out with its own span (a timed-out call is retried)")
                    .containsAll(STACK.contractService().traceparents().stream().filter(header -> header.contains(opened)).toList());
            assertThat(onlySpan(backdated, "apply trade").getAttributes().get(AttributeKey.stringKey("trade.sequence"))).isEqualTo("BACKDATED");
        }
    }

    /** A trace id as a producer would make it: 32 lower-case hex digits. */
    private static String traceId(int n) {
        return String.format("4bf92f3577b34da6a3ce929d0e0e%04x", n);
    }

    private static String uuid(String traceId) {
        return CorrelationIds.ofTraceparent("00-" + traceId + "-00f067aa0ba902b7-01");
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String payload, String traceId) throws Exception {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, payload.getBytes(StandardCharsets.UTF_8));
        record.headers().add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    private static List<SpanData> spansOf(String traceId) {
        return SPANS.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId))
                .sorted(java.util.Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
    }

    private static List<SpanData> contractCalls(String traceId) {
        return spansOf(traceId).stream().filter(span -> span.getKind() == SpanKind.CLIENT && span.getName().startsWith("POST contract-service")).toList();
    }

    private static boolean answered(SpanData call) {
        Long status = call.getAttributes().get(AttributeKey.longKey("http.response.status_code"));
        return status != null && status / 100 == 2;
    }

    private static SpanData onlySpan(String traceId, String name) {
        List<SpanData> named = spansOf(traceId).stream().filter(span -> span.getName().equals(name)).toList();
        assertThat(named).as("spans named %s in trace %s", name, traceId).hasSize(1);
        return named.get(0);
    }

    private static String traceparentOf(SpanData span) {
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getSpanContext().getTraceFlags().asHex();
    }

    private static String traceIdOf(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("traceparent");
        assertThat(header).as("traceparent header of %s", record.topic()).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8).split("-")[1];
    }

    private static List<String> auditCorrelationIds(String topic) throws Exception {
        return strings("SELECT correlation_id FROM fill_confirmation WHERE source_topic = ?", topic);
    }

    private static List<String> eventCorrelationIds(String key) throws Exception {
        return strings("SELECT correlation_id FROM event_store WHERE position_key = ? ORDER BY event_ver", key);
    }

    private static List<String> strings(String query, String parameter) throws Exception {
        try (Connection connection = STACK.postgres().dataSource().getConnection(); PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                List<String> values = new java.util.ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        }
    }
}
