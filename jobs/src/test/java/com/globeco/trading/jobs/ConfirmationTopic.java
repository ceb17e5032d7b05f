package com.globeco.trading.jobs;

import com.globeco.trading.schema.DatabaseRole;
import com.globeco.trading.operators.fills.ConfirmationSettings;
import com.globeco.trading.testkit.fills.FillPublisher;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.List;

/** One test's fills topic and dead-letter topic, and the fill-confirmation job reading them. */
public final class ConfirmationTopic {
    private final EmbeddedServices stack;
    private final String topic;

    public ConfirmationTopic(EmbeddedServices stack, String topic) {
        this.stack = stack;
        this.topic = topic;
        stack.kafka().createTopics(20, topic, deadLetterTopic());
    }

    public String name() {
        return topic;
    }

    public String deadLetterTopic() {
        return topic + ".dlq";
    }

    public RunningJob startJob(StreamExecutionEnvironment env, ConfirmationSettings settings, String... moreArguments) throws Exception {
        List<String> arguments = new java.util.ArrayList<>(arguments());
        arguments.addAll(List.of(moreArguments));
        FillConfirmationOptions options = FillConfirmationOptions.from(arguments.toArray(String[]::new));
        FillConfirmationJob.define(env, options.wiring().withSettings(settings));
        return RunningJob.start(env, FillConfirmationJob.NAME + "-" + topic);
    }

    /** The job's command line for this topic, the stack's Kafka and Postgres, and its default settings. */
    public List<String> arguments() {
        return List.of(
                "--kafka.bootstrap-servers", stack.kafka().bootstrapServers(),
                "--fills.topic", topic,
                "--fills.consumer-group", "confirmation-service-" + topic,
                "--fills.dead-letter-topic", deadLetterTopic(),
                "--fills.transactional-id-prefix", "fill-confirmation-" + topic,
                "--postgres.url", stack.postgres().jdbcUrl(),
                "--postgres.user", DatabaseRole.FILL_CONFIRMATION.roleName(),
                "--postgres.password", stack.postgres().password());
    }

    public FillPublisher publisher() {
        return new FillPublisher(stack.kafka().bootstrapServers(), topic);
    }

    public AuditTable audit() {
        return new AuditTable(stack.postgres().dataSource(), topic);
    }
}
