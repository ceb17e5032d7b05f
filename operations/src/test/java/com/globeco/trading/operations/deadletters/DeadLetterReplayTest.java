package com.globeco.trading.operations.deadletters;

import com.globeco.trading.jobs.EmbeddedServices;
import com.globeco.trading.jobs.RunningJob;
import com.globeco.trading.jobs.TestFlink;
import com.globeco.trading.jobs.TopicMessages;
import com.globeco.trading.jobs.TradeHotpathJob;
import com.globeco.trading.jobs.TradeHotpathOptions;
import com.globeco.trading.jobs.TradeScenario;
import com.globeco.trading.jobs.topics.Topics;
import org.apache.flink.runtime.testutils.CommonTestUtils;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dead-letter tools against the hotpath on the MiniCluster: two bad trades are dead-lettered, listed and shown;
 * one, corrected, is replayed and applied; replaying it again republishes nothing; the other replayed as it was comes
 * back as a new dead letter, the only one a further replay would republish.
 */
class DeadLetterReplayTest {
    @RegisterExtension
    static final EmbeddedServices STACK = new EmbeddedServices();
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(1, 4);
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/New_York"));
    private static final String KEY = "ACC-REPLAY:INSTR1:USD";

    @TempDir
    Path edits;

    @Test
    void aCorrectedLetterIsReplayedOnceAndApplied() throws Exception {
        TradeHotpathOptions hotpath = TradeHotpathOptions.from(STACK.jobArguments("--hotpath.topic-prefix", "replays.",
                "--contract-service.url", STACK.contractService().baseUri().toString()));
        STACK.kafka().createTopics(2, hotpath.topics());
        String dlq = hotpath.topic("trade-events-dlq");
        String good = TradeScenario.json("replay-1", KEY, "NEW_TRADE", BigDecimal.TEN, BigDecimal.ONE, TODAY);
        String unknownType = good.replace("NEW_TRADE", "NEW_TRAID");

        try (RunningJob job = RunningJob.define(TradeHotpathJob.NAME, env -> TradeHotpathJob.define(env, hotpath.wiring()));
             KafkaProducer<byte[], byte[]> producer = STACK.kafka().producer()) {
            send(producer, hotpath.topic("trade-events"), unknownType);
            send(producer, hotpath.topic("trade-events"), "{\"tradeId\": \"replay-2\"");
            List<ConsumerRecord<String, String>> letters = STACK.kafka().readCommitted(dlq, 2, TestFlink.PATIENCE);
            String corrected = letters.stream().filter(letter -> letter.value().contains("NEW_TRAID")).findFirst()
                    .map(letter -> letter.partition() + ":" + letter.offset()).orElseThrow();
            String malformed = letters.stream().filter(letter -> !letter.value().contains("NEW_TRAID")).findFirst()
                    .map(letter -> letter.partition() + ":" + letter.offset()).orElseThrow();

            assertThat(dlq("list", dlq)).contains("2 letters in " + dlq).contains("INVALID_TRADE").contains(corrected).contains(malformed);
            assertThat(dlq("show", dlq, corrected)).contains("NEW_TRAID").contains("\"replayed\" : false");

            Path edit = Files.writeString(edits.resolve("edits.jsonl"), "{\"letter\": \"" + corrected + "\", \"payload\": " + good + "}\n");
            assertThat(dlq("replay", dlq, "--edit", edit.toString())).contains("replayed 1 letters");
            CommonTestUtils.waitUntilCondition(() -> STACK.positionTables().eventCount(KEY) == 1);
            assertThat(dlq("replay", dlq, "--edit", edit.toString())).contains("replayed 0 letters").contains("skipped 1 (already replayed): [" + corrected + "]");
            assertThat(dlq("show", dlq, corrected)).contains("\"replayed\" : true");

            assertThat(dlq("replay", dlq, "--reason", "INVALID_TRADE")).as("the malformed one, as it was").contains("replayed 1 letters");
            List<ConsumerRecord<String, String>> again = STACK.kafka().readCommitted(dlq, 3, TestFlink.PATIENCE);
            assertThat(again).as("dead-lettered again").hasSize(3);
            assertThat(dlq("replay", dlq, "--dry-run")).contains("would replay 1 letters").contains("skipped 2 (already replayed)");

            List<ConsumerRecord<String, String>> replayed = STACK.kafka().readCommitted(hotpath.topic("trade-events"), 4, TestFlink.PATIENCE).stream()
                    .filter(record -> record.headers().lastHeader(LetterReplay.REPLAY_OF) != null).toList();
            assertThat(replayed).hasSize(2);
            assertThat(replayed).filteredOn(record -> record.headers().lastHeader(LetterReplay.EDITED) != null).singleElement()
                    .satisfies(record -> assertThat(record.value()).isEqualTo(good));
            List<ConsumerRecord<String, String>> log = STACK.kafka().readCommitted(Topics.replayLogOf(dlq), 2, TestFlink.PATIENCE);
            assertThat(log).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(corrected, malformed);
            TopicMessages.assertConform(Topics.replayLogOf(dlq), log.stream().map(ConsumerRecord::value).toList());
            assertThat(STACK.positionTables().eventCount(KEY)).as("applied once").isEqualTo(1);
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String payload) throws Exception {
        producer.send(new ProducerRecord<>(topic, payload.getBytes(StandardCharsets.UTF_8))).get();
    }

    private static String dlq(String... args) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.addAll(List.of("--bootstrap", STACK.kafka().bootstrapServers()));
        DeadLetterCommand.run(arguments, Map.of(), Clock.systemUTC(), new PrintStream(printed, true, StandardCharsets.UTF_8));
        return printed.toString(StandardCharsets.UTF_8);
    }
}
