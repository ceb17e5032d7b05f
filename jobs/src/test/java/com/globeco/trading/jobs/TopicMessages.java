package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.globeco.trading.jobs.topics.TopicSpec;
import com.globeco.trading.jobs.topics.Topics;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON Schemas of docs/schemas/, and the assertion that a topic's messages conform to the schema its declaration names. */
public final class TopicMessages {
    static final Path SCHEMAS = Path.of("..", "docs", "schemas");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> LOADED = new ConcurrentHashMap<>();

    private TopicMessages() {}

    static JsonSchema schema(String name) {
        return LOADED.computeIfAbsent(name, TopicMessages::load);
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The declared topic a (possibly prefixed, as in tests) topic name is. */
    static TopicSpec declaration(String topic) {
        return Topics.all().stream().filter(declared -> topic.equals(declared.name()) || topic.endsWith("." + declared.name()))
                .max(Comparator.comparingInt(declared -> declared.name().length()))
                .orElseThrow(() -> new AssertionError("topic " + topic + " is not declared in Topics"));
    }

    /** Every message conforms to the schema of the topic's declaration. */
    public static void assertConform(String topic, Collection<String> messages) {
        assertConformTo(declaration(topic).schema(), topic, messages);
    }

    /** Every message (read from {@code topic}) conforms to the named schema. */
    public static void assertConformTo(String schemaName, String topic, Collection<String> messages) {
        JsonSchema schema = schema(schemaName);
        for (String message : messages) {
            Set<ValidationMessage> violations;
            try {
                violations = schema.validate(JSON.readTree(message));
            } catch (IOException notJson) {
                throw new AssertionError("a message on " + topic + " is not JSON: " + message, notJson);
            }
            assertThat(violations).as("%s message against %s.schema.json: %s", topic, schemaName, message).isEmpty();
        }
    }

    private static JsonSchema load(String name) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(json(SCHEMAS.resolve(name + ".schema.json")));
    }
}
