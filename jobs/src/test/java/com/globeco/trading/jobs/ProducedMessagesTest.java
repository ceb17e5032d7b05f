package com.globeco.trading.jobs;

import com.globeco.trading.positions.EventType;
import com.globeco.trading.positions.PositionEvent;
import com.globeco.trading.testkit.execution.Latency;
import com.globeco.trading.testkit.fills.ExecutionRegistry;
import com.globeco.trading.testkit.fills.FillGenerator;
import com.globeco.trading.testkit.fills.GeneratedExecution;
import org.apache.flink.runtime.testutils.CommonTestUtils;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message the hotpath and the coldpath write, of every kind (applied, provisional and corrected events, price
 * resets, backdated trades, corrections, contracts, contract retries, dead letters), conforms to the JSON Schema its
 * topic's declaration names, and so do the inputs our generators produce as the real producers do.
 */
class ProducedMessagesTest {
    @RegisterExtension
    static final EmbeddedServices STACK = new EmbeddedServices();
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(2, 4);
    private static final String NOT_A_BACKDATED_TRADE = "not a backdated trade";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));
    private static final List<String> OUTPUTS = List.of("trade-applied-events", "provisional-trade-events", "backdated-trades",
            "historical-position-corrected-events", "trade-contracts", "contract-generation-retry", "trade-events-dlq");

    @Test
    void everyKindOfMessageTheHotpathAndColdpathWriteConformsToItsSchema() throws Exception {
        String run = "schemas" + TestFlink.nextRun();
        TradeHotpathOptions hotpath = TradeHotpathOptions.from(STACK.jobArguments("--hotpath.topic-prefix", run + ".",
                "--contract-service.url", STACK.contractService().baseUri().toString()));
        BackdatedColdpathOptions coldpath = BackdatedColdpathOptions.from(STACK.jobArguments("--coldpath.topic-prefix", run + "."));
        STACK.kafka().createTopics(2, Stream.concat(Arrays.stream(hotpath.topics()), Arrays.stream(coldpath.topics())).distinct().toArray(String[]::new));
        BackdatedScenario scenario = new BackdatedScenario(run, 4, 10, TODAY, 21);
        String price = "{\"instrument\":\"INSTR0\",\"price\":12.5,\"asOf\":\"" + Instant.now() + "\"}";
        String terms = "{\"positionKey\":\"ACC-" + run.toUpperCase() + "-TERMS:INSTR0:USD\",\"contractId\":\"C-1\",\"taxLotMethod\":\"LIFO\"}";
        STACK.contractService().setLatency(Latency.fixed(Duration.ofMillis(150)));

        try (RunningJob hot = RunningJob.define(TradeHotpathJob.NAME + "-" + run, env -> TradeHotpathJob.define(env, hotpath.wiring()));
             RunningJob cold = RunningJob.define(BackdatedColdpathJob.NAME + "-" + run, env -> BackdatedColdpathJob.define(env, coldpath.wiring()));
             KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            send(producer, hotpath.topic("contract-events"), terms);
            TradeScenario.publish(producer, hotpath.topic("trade-events"), scenario.trades());
            STACK.kafka().readCommitted(hotpath.topic("contract-generation-retry"), 1, TestFlink.PATIENCE);
            STACK.contractService().setLatency(Latency.none());
            send(producer, hotpath.topic("market-data"), price);
            send(producer, hotpath.topic("trade-events"), "{\"tradeId\": 7}");
            send(producer, coldpath.topic("backdated-trades"), NOT_A_BACKDATED_TRADE);
            String keys = "ACC-" + run.toUpperCase() + "%";
            CommonTestUtils.waitUntilCondition(() -> STACK.positionTables().eventCount(keys, EventType.TRADE_APPLIED)
                    + STACK.positionTables().eventCount(keys, EventType.PROVISIONAL_TRADE_APPLIED) == scenario.trades().size()
                    && !STACK.positionTables().statuses(keys).contains("PROVISIONAL"));
            STACK.kafka().readCommitted(hotpath.topic("trade-contracts"), 1, TestFlink.PATIENCE);
            STACK.kafka().readCommitted(coldpath.topic("backdated-trades-dlq"), 1, TestFlink.PATIENCE);

            for (String output : OUTPUTS) {
                assertConformAndPresent(hotpath.topic(output));
            }
            assertConformAndPresent(coldpath.topic("position-corrections"));
            assertConformAndPresent(coldpath.topic("backdated-trades-dlq"));
            assertThat(values(hotpath.topic("trade-applied-events"))).as("a price reset among the events").anyMatch(event -> event.contains("\"resetPnl\""));
            TopicMessages.assertConform(hotpath.topic("trade-events"), scenario.trades().stream().map(TradeScenario.Trade::json).toList());
            TopicMessages.assertConform(hotpath.topic("market-data"), List.of(price));
            TopicMessages.assertConform(hotpath.topic("contract-events"), List.of(terms));
        } finally {
            STACK.contractService().setLatency(Latency.none());
        }
    }

    @Test
    void theFillsOurFixEngineGeneratorWritesConformToTheFillSchema() {
        List<GeneratedExecution> executions = new FillGenerator(5, ExecutionRegistry.inProcess(STACK.executionService())).executions(50);

        TopicMessages.assertConform("fills", executions.stream().flatMap(execution -> execution.fillsJson().stream()).toList());
    }

    /** What the job wrote to the topic: all but the poison this test put on backdated-trades for the coldpath's dead letters. */
    private static void assertConformAndPresent(String topic) {
        List<String> messages = values(topic).stream().filter(message -> !message.equals(NOT_A_BACKDATED_TRADE)).toList();
        assertThat(messages).as("messages on %s", topic).isNotEmpty();
        TopicMessages.assertConform(topic, messages);
    }

    private static List<String> values(String topic) {
        return STACK.kafka().readCommitted(topic, 1, TestFlink.PATIENCE).stream().map(ConsumerRecord::value).toList();
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String payload) throws Exception {
        producer.send(new ProducerRecord<>(topic, payload.getBytes(StandardCharsets.UTF_8))).get();
    }
}
