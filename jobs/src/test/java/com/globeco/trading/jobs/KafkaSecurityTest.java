package com.globeco.trading.jobs;

import com.globeco.trading.messages.SourceMessage;
import com.globeco.trading.messages.KafkaClientConfig;
import com.globeco.trading.operators.sinks.ExactlyOnceKafka;
import com.globeco.trading.operators.sinks.KafkaSettings;
import com.globeco.trading.testkit.InProcessKafka;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The jobs' Kafka source and exactly-once sink against a broker that requires SASL/PLAIN, logged in by a client
 * config file whose password stays in a second file (Kafka's file config provider), as a mounted Secret would
 * hold it: the settings the job carries name the secret's place, never the secret.
 */
class KafkaSecurityTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = TestFlink.cluster(1, 2);
    private static InProcessKafka kafka;

    @TempDir
    Path secrets;

    @BeforeAll
    static void startSecuredKafka() {
        kafka = InProcessKafka.startWithSasl();
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void aJobReadsAndWritesASecuredKafkaLoggedInByItsClientConfig() throws Exception {
        Path password = Files.writeString(secrets.resolve("kafka-secret.properties"), "password=" + InProcessKafka.SASL_PASSWORD + "\n");
        Path config = Files.writeString(secrets.resolve("kafka-client.properties"), String.join("\n",
                "security.protocol=SASL_PLAINTEXT",
                "sasl.mechanism=PLAIN",
                "config.providers=file",
                "config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider",
                "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + InProcessKafka.SASL_USER
                        + "\" password=\"${file:" + password + ":password}\";", ""));
        KafkaSettings secured = new KafkaSettings(kafka.bootstrapServers(), KafkaClientConfig.load(config.toString(), Map.of()));
        kafka.createTopics(2, "secured-in", "secured-out");
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            for (String payload : new String[] {"one", "two", "three"}) {
                producer.send(new ProducerRecord<>("secured-in", payload.getBytes(StandardCharsets.UTF_8))).get();
            }
        }

        try (RunningJob job = RunningJob.define("secured", env -> env
                .fromSource(KafkaSources.kafka(secured, "secured-in", "secured"), WatermarkStrategy.noWatermarks(), "Secured in").uid("secured-in")
                .map(SourceMessage::payload).returns(Types.STRING).uid("payloads").name("Payloads")
                .sinkTo(ExactlyOnceKafka.sink(secured, "secured-out", "secured-out.dlq", "secured-out", payload -> null, payload -> payload.toUpperCase(), payload -> null))
                .uid("secured-out").name("Secured out"))) {
            assertThat(kafka.readCommitted("secured-out", 3, TestFlink.PATIENCE)).extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder("ONE", "TWO", "THREE");
        }
        assertThat(secured.clientProperties().toString()).doesNotContain(InProcessKafka.SASL_PASSWORD).contains("${file:");
        try (Admin anonymous = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers(), "default.api.timeout.ms", "5000",
                "request.timeout.ms", "2000"))) {
            assertThatThrownBy(() -> anonymous.listTopics().names().get(10, TimeUnit.SECONDS)).as("without the login nothing is served")
                    .isNotNull();
        }
    }
}
