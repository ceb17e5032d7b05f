package com.globeco.trading.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.globeco.trading.jobs.AllocationJob;
import com.globeco.trading.jobs.AllocationRun;
import com.globeco.trading.jobs.EmbeddedServices;
import com.globeco.trading.jobs.RunningJob;
import com.globeco.trading.jobs.TestFlink;
import com.globeco.trading.messages.CorrelationIds;
import com.globeco.trading.testkit.fills.FillPublisher;
import com.globeco.trading.testkit.fills.GeneratedExecution;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /api/v1/executions in front of the real allocation job (MiniCluster) reading the posted-executions topic: each
 * item's status and the batch's code; a batch posted twice and its executions also closed on the fills topic are
 * booked once each (one execution row, one accounting file line); what a client gets wrong answers 400, an
 * unconfigured or unreachable Kafka 503.
 */
class PostExecutionsEndToEndTest {
    private static final String POST = "/api/v1/executions";
    private static final int PARALLELISM = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The ExecutionPostDTO fields a closing fill carries (the DTO's orderId and limitPrice are added). */
    private static final List<String> DTO_FIELDS = List.of("executionServiceId", "isOpen", "executionStatus", "tradeType",
            "destination", "securityId", "ticker", "quantity", "receivedTimestamp", "sentTimestamp", "lastFilledTimestamp",
            "quantityFilled", "totalAmount", "averagePrice");

    private static final int ORDER_ID = 9001;
    @RegisterExtension
    static final EmbeddedServices STACK = new EmbeddedServices();
    private static AllocationRun run;
    private static MiniCluster cluster;
    private static RunningJob job;
    private static Running service;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        run = new AllocationRun(STACK);
        cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(TestFlink.configuration()).setNumTaskManagers(1).setNumSlotsPerTaskManager(PARALLELISM).build());
        cluster.start();
        TestStreamEnvironment.setAsContext(cluster, PARALLELISM);
        StreamExecutionEnvironment env = TestFlink.environment();
        AllocationJob.define(env, run.options().wiring());
        job = RunningJob.start(env, AllocationJob.NAME + "-" + run.topic());
        service = ReadService.start(ReaderSettings.of(STACK.postgres()).withPosting(posting(STACK.kafka().bootstrapServers())), TestClocks.FIXED);
        http = new Http(service.port());
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (service != null) {
                service.close();
            }
            if (job != null) {
                job.close();
            }
        } finally {
            TestStreamEnvironment.unsetAsContext();
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Test
    void aMixedBatchPostedTwiceAndAlsoClosedOnTheFillsTopicIsBookedOncePerExecution() throws Exception {
        List<GeneratedExecution> executions = run.executionsWithPortfolios(3);
        GeneratedExecution first = executions.get(0);
        GeneratedExecution second = executions.get(1);
        GeneratedExecution bookedBefore = executions.get(2);
        try (FillPublisher fills = run.publisher()) {
            fills.publish(bookedBefore.fillsJson());
        }
        run.awaitRows(List.of(bookedBefore), 1);
        ObjectNode open = posted(run.executionsWithPortfolios(1).get(0)).put("isOpen", true);
        ObjectNode invalid = posted(run.executionsWithPortfolios(1).get(0)).put("tradeType", "HOLD");
        ArrayNode batch = JSON.createArrayNode().add(posted(first)).add(isoTimestamps(posted(second))).add(posted(bookedBefore))
                .add(open).add(invalid).add(posted(first));

        HttpResponse<String> answer = post(batch, Map.of("X-Correlation-ID", "client-batch-1"));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(207);
        JsonNode body = Http.json(answer);
        assertThat(statuses(body)).containsExactly("accepted", "accepted", "duplicate", "skipped", "error", "duplicate");
        assertThat(body.path("results").get(4).path("error").asText()).contains("transaction_type must be one of");
        assertThat(body.path("results").get(0).path("error").isNull()).isTrue();
        assertThat(ids(body)).containsExactly(id(first), id(second), id(bookedBefore), open.path("executionServiceId").intValue(),
                invalid.path("executionServiceId").intValue(), id(first));
        assertThat(body.path("processedCount").intValue()).isEqualTo(4);
        assertThat(body.path("skippedCount").intValue()).isEqualTo(1);
        assertThat(body.path("errorCount").intValue()).isEqualTo(1);
        String correlationId = UUID.nameUUIDFromBytes("client-batch-1".getBytes(StandardCharsets.UTF_8)).toString();
        assertThat(body.path("results")).allSatisfy(result -> assertThat(result.path("correlationId").asText()).isEqualTo(correlationId));

        HttpResponse<String> again = post(batch, Map.of());
        JsonNode againBody = Http.json(again);
        assertThat(statuses(againBody).subList(0, 2)).as("accepted again until the job has booked them")
                .allMatch(status -> status.equals("accepted") || status.equals("duplicate"));
        assertThat(statuses(againBody).subList(2, 6)).containsExactly("duplicate", "skipped", "error", "duplicate");
        assertThat(again.statusCode()).isEqualTo(statuses(againBody).contains("accepted") ? 207 : 400);
        assertThat(againBody.path("results")).allSatisfy(result ->
                assertThat(UUID.fromString(result.path("correlationId").asText())).isNotNull());
        try (FillPublisher fills = run.publisher()) {
            fills.publish(AllocationRun.allFills(List.of(first, second)));
        }

        run.assertAllocatedExactlyOnce(executions);
        HttpResponse<String> afterBooking = post(JSON.createArrayNode().add(posted(first)).add(posted(second)), Map.of());
        assertThat(afterBooking.statusCode()).isEqualTo(202);
        assertThat(statuses(Http.json(afterBooking))).containsExactly("duplicate", "duplicate");
    }

    @Test
    void eachAcceptedExecutionIsOneMessageKeyedByItsIdWhoseTraceIsItsCorrelationId() throws Exception {
        // no portfolio: the job dead-letters it, so the other test's files hold only its own executions
        GeneratedExecution execution = run.executionsWithoutPortfolios(1).get(0);
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        HttpResponse<String> answer = post(JSON.createArrayNode().add(posted(execution)), Map.of("traceparent", traceparent));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        JsonNode result = Http.json(answer).path("results").get(0);
        assertThat(result.path("status").asText()).isEqualTo("accepted");
        assertThat(result.path("correlationId").asText()).isEqualTo("4bf92f35-77b3-4da6-a3ce-929d0e0e4736");
        ConsumerRecord<String, String> message = STACK.kafka().readCommitted(run.postedTopic(), 0, Duration.ofSeconds(30)).stream()
                .filter(record -> record.key().equals(String.valueOf(id(execution)))).findFirst().orElseThrow();
        String header = new String(message.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
        assertThat(CorrelationIds.ofTraceparent(header)).isEqualTo(result.path("correlationId").asText());
        JsonNode fill = JSON.readTree(message.value());
        assertThat(fill.path("source").asText()).isEqualTo("allocation-api");
        assertThat(fill.path("isOpen").booleanValue()).isFalse();
        assertThat(fill.path("version").intValue()).isEqualTo(1);
    }

    @Test
    void aBatchWithNothingToPublishIs202WhenOpenAnd400WhenRefused() throws Exception {
        GeneratedExecution execution = run.executionsWithPortfolios(1).get(0);

        HttpResponse<String> open = post(JSON.createArrayNode().add(posted(execution).put("isOpen", true)), Map.of());
        HttpResponse<String> refused = post(JSON.createArrayNode().add(posted(execution).put("averagePrice", -1))
                .add(posted(execution).put("isOpen", true)), Map.of());

        assertThat(open.statusCode()).isEqualTo(202);
        assertThat(statuses(Http.json(open))).containsExactly("skipped");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(statuses(Http.json(refused))).containsExactly("error", "skipped");
        assertThat(Http.json(refused).path("errorCount").intValue()).isEqualTo(1);
    }

    @Test
    void aBodyThatIsNoArrayOfOneToAHundredExecutionsIs400() {
        ErrorBodies.assertError(http.send("POST", POST, "{\"executionServiceId\": 1}".getBytes(StandardCharsets.UTF_8)), 400);
        ErrorBodies.assertError(http.send("POST", POST, "[".getBytes(StandardCharsets.UTF_8)), 400);
        ErrorBodies.assertError(http.send("POST", POST, new byte[0]), 400);
        ErrorBodies.assertError(http.send("POST", POST, "[]".getBytes(StandardCharsets.UTF_8)), 400);
        String hundredAndOne = IntStream.range(0, 101).mapToObj(item -> "{}").collect(Collectors.joining(",", "[", "]"));
        ErrorBodies.assertError(http.send("POST", POST, hundredAndOne.getBytes(StandardCharsets.UTF_8)), 400);
    }

    @Test
    void withoutKafkaConfiguredAPostIs503AndWithKafkaUnreachableEachItemSaysSo() throws Exception {
        GeneratedExecution execution = run.executionsWithPortfolios(1).get(0);
        byte[] batch = JSON.writeValueAsBytes(JSON.createArrayNode().add(posted(execution)));
        try (Running unconfigured = ReadService.start(ReaderSettings.of(STACK.postgres()), TestClocks.FIXED);
             Running unreachable = ReadService.start(ReaderSettings.of(STACK.postgres()).withPosting(posting("127.0.0.1:" + freePort())), TestClocks.FIXED)) {
            HttpResponse<String> notConfigured = new Http(unconfigured.port()).send("POST", POST, batch);
            HttpResponse<String> kafkaDown = new Http(unreachable.port()).send("POST", POST, batch);

            assertThat(ErrorBodies.assertError(notConfigured, 503).path("message").asText()).contains("Kafka is not configured");
            assertThat(kafkaDown.statusCode()).isEqualTo(503);
            assertThat(kafkaDown.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(statuses(Http.json(kafkaDown))).containsExactly("error");
            assertThat(Http.json(kafkaDown).path("results").get(0).path("error").asText()).startsWith("not published");
        }
    }

    private static PostSettings posting(String bootstrapServers) {
        return ReaderSettings.posting(STACK.kafka(), bootstrapServers, run.postedTopic());
    }

    /** The execution's closing fill as a client posts it: the DTO's fields, an order id, no limit price. */
    private static ObjectNode posted(GeneratedExecution execution) throws Exception {
        JsonNode fill = JSON.readTree(execution.lastFill());
        ObjectNode dto = JSON.createObjectNode();
        DTO_FIELDS.forEach(field -> dto.set(field, fill.path(field)));
        dto.put("orderId", ORDER_ID);
        dto.putNull("limitPrice");
        return dto;
    }

    private static ObjectNode isoTimestamps(ObjectNode dto) {
        for (String field : List.of("receivedTimestamp", "sentTimestamp", "lastFilledTimestamp")) {
            java.math.BigDecimal seconds = dto.path(field).decimalValue();
            dto.put(field, java.time.Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(java.math.BigDecimal.ONE).movePointRight(9).longValue())
                    .atOffset(java.time.ZoneOffset.ofHours(-4)).toString());
        }
        return dto;
    }

    private static HttpResponse<String> post(ArrayNode batch, Map<String, String> headers) throws Exception {
        return http.send("POST", POST, JSON.writeValueAsBytes(batch), headers);
    }

    private static List<String> statuses(JsonNode body) {
        List<String> statuses = new ArrayList<>();
        body.path("results").forEach(result -> statuses.add(result.path("status").asText()));
        return statuses;
    }

    private static List<Integer> ids(JsonNode body) {
        List<Integer> ids = new ArrayList<>();
        body.path("results").forEach(result -> ids.add(result.path("executionServiceId").intValue()));
        return ids;
    }

    private static int id(GeneratedExecution execution) {
        return (int) execution.executionServiceId();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
