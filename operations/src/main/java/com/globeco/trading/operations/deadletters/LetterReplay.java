package com.globeco.trading.operations.deadletters;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.globeco.trading.jobs.topics.Topics;
import com.globeco.trading.messages.CorrelationIds;
import com.globeco.trading.messages.MessageSchemas;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Republishes dead letters' original payloads (or corrected ones) to the topics they came from, exactly once: each
 * letter's replay and its entry in the replay log are written in one Kafka transaction, and letters the log already
 * holds are skipped, so a second run replays nothing twice. One transactional id per dead-letter topic fences a
 * replay still running elsewhere. The republished message says what it is: header {@value #REPLAY_OF}
 * ({@code topic/partition/offset} of the letter), {@value #EDITED} when corrected, and the letter's trace context.
 */
public final class LetterReplay {
    public static final String REPLAY_OF = "globeco-replay-of";
    public static final String EDITED = "globeco-replay-edited";
    private static final int LETTERS_PER_TRANSACTION = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Properties client;
    private final DeadLetterTopic topic;
    private final Clock clock;

    public LetterReplay(Properties client, DeadLetterTopic topic, Clock clock) {
        this.client = client;
        this.topic = topic;
        this.clock = clock;
    }

    /** What a replay did: the letters republished, and the ones left alone with why. */
    public record Outcome(List<Letter> replayed, Map<String, List<Letter>> skipped) {}

    /**
     * @param edits replacement payloads by {@code partition:offset}; when not empty, only these letters are replayed
     */
    public Outcome replay(Predicate<Letter> selection, Map<String, String> edits, boolean dryRun) {
        try (KafkaProducer<String, String> producer = dryRun ? null : new KafkaProducer<>(transactional())) {
            if (producer != null) {
                producer.initTransactions();
            }
            Set<String> done = topic.replayed();
            List<Letter> chosen = new ArrayList<>();
            Map<String, List<Letter>> skipped = new LinkedHashMap<>();
            for (Letter letter : topic.letters()) {
                if (!selection.test(letter) || (!edits.isEmpty() && !edits.containsKey(letter.coordinates()))) {
                    continue;
                }
                String whyNot = whyNotReplayable(letter, done, edits.containsKey(letter.coordinates()));
                if (whyNot == null) {
                    chosen.add(letter);
                } else {
                    skipped.computeIfAbsent(whyNot, reason -> new ArrayList<>()).add(letter);
                }
            }
            if (producer != null) {
                for (int from = 0; from < chosen.size(); from += LETTERS_PER_TRANSACTION) {
                    publish(producer, chosen.subList(from, Math.min(chosen.size(), from + LETTERS_PER_TRANSACTION)), edits);
                }
            }
            return new Outcome(chosen, skipped);
        }
    }

    /** Why a selected letter cannot be replayed, or null when it can. */
    private static String whyNotReplayable(Letter letter, Set<String> done, boolean edited) {
        if (done.contains(letter.coordinates())) {
            return "already replayed";
        }
        if (letter.sourceTopic() == null) {
            return "no source topic";
        }
        if (!edited && letter.truncated()) {
            return "payload truncated: give the whole one with --edit";
        }
        return !edited && letter.payload() == null ? "no payload" : null;
    }

    private void publish(KafkaProducer<String, String> producer, List<Letter> letters, Map<String, String> edits) {
        producer.beginTransaction();
        try {
            for (Letter letter : letters) {
                String edited = edits.get(letter.coordinates());
                producer.send(republished(letter, edited));
                producer.send(new ProducerRecord<>(Topics.replayLogOf(topic.name()), letter.coordinates(), logEntry(letter, edited != null)));
            }
            producer.commitTransaction();
        } catch (RuntimeException failed) {
            producer.abortTransaction();
            throw failed;
        }
    }

    private ProducerRecord<String, String> republished(Letter letter, String edited) {
        ProducerRecord<String, String> record = new ProducerRecord<>(letter.sourceTopic(), letter.key(), edited != null ? edited : letter.payload());
        record.headers().add(REPLAY_OF, bytes(topic.name() + "/" + letter.partition() + "/" + letter.offset()));
        if (edited != null) {
            record.headers().add(EDITED, bytes("true"));
        }
        if (letter.correlationId() != null) {
            record.headers().add("traceparent", bytes(CorrelationIds.traceparent(letter.correlationId(), letter.offset())));
        }
        return record;
    }

    private String logEntry(Letter letter, boolean edited) {
        return JSON.createObjectNode().put(MessageSchemas.VERSION_FIELD, MessageSchemas.DEAD_LETTER_REPLAY)
                .put("replayedAt", clock.instant().toString()).put("to", letter.sourceTopic())
                .put("reason", letter.reason()).put("edited", edited).toString();
    }

    private Properties transactional() {
        Properties properties = new Properties();
        properties.putAll(client);
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "dead-letter-replay-" + topic.name());
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return properties;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
