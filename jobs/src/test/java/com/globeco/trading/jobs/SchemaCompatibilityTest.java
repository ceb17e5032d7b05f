package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.globeco.trading.jobs.topics.TopicSpec;
import com.globeco.trading.jobs.topics.Topics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message schemas of docs/schemas/ against the previous release's copies (docs/schemas/releases/): a schema may
 * only change compatibly unless its version is bumped. Also: every declared topic's schema exists and the outputs'
 * {@code schemaVersion} is the schema's version.
 */
class SchemaCompatibilityTest {
    private static final Path PREVIOUS_RELEASE = TopicMessages.SCHEMAS.resolve("releases").resolve("0.1.0");

    @Test
    void everySchemaOfThePreviousReleaseStillReadsTheSameUnlessItsVersionWasBumped() throws IOException {
        List<Path> released;
        try (Stream<Path> files = Files.list(PREVIOUS_RELEASE)) {
            released = files.filter(file -> file.toString().endsWith(".schema.json")).sorted().toList();
        }

        assertThat(released).as("the previous release's schemas").isNotEmpty();
        for (Path before : released) {
            Path now = TopicMessages.SCHEMAS.resolve(before.getFileName());
            assertThat(now).as("%s is still published", before.getFileName()).exists();
            assertThat(SchemaCompatibility.breaks(TopicMessages.json(before), TopicMessages.json(now))).as("%s changed incompatibly", now).isEmpty();
        }
    }

    @Test
    void everyDeclaredTopicHasASchemaAndEveryOutputCarriesItsVersion() {
        for (String schema : Topics.all().stream().map(TopicSpec::schema).distinct().toList()) {
            JsonNode root = TopicMessages.json(TopicMessages.SCHEMAS.resolve(schema + ".schema.json"));
            assertThat(TopicMessages.schema(schema)).isNotNull();
            JsonNode version = root.path("properties").path("schemaVersion");
            if (!version.isMissingNode()) {
                assertThat(version.path("const").asInt()).as("%s: schemaVersion is its $id's version", schema).isEqualTo(SchemaCompatibility.version(root));
                assertThat(root.path("required").toString()).contains("\"schemaVersion\"");
            }
        }
    }

    @Test
    void removingRetypingOrRequiringAFieldIsABreakAndANewVersionIsNot() {
        JsonNode before = TopicMessages.json(TopicMessages.SCHEMAS.resolve("dead-letter.schema.json"));
        ObjectNode removed = before.deepCopy();
        ((ObjectNode) removed.get("properties")).remove("error");
        ObjectNode retyped = before.deepCopy();
        ((ObjectNode) retyped.get("properties").get("correlationId")).put("type", "integer");
        ObjectNode required = before.deepCopy();
        ((ArrayNode) required.get("required")).add("somethingNew");
        ObjectNode bumped = removed.deepCopy();
        bumped.put("$id", before.get("$id").asText().replaceAll("/v\\d+$", "/v" + (SchemaCompatibility.version(before) + 1)));

        assertThat(SchemaCompatibility.breaks(before, before)).isEmpty();
        assertThat(SchemaCompatibility.breaks(before, removed)).singleElement().asString().contains("error was removed");
        assertThat(SchemaCompatibility.breaks(before, retyped)).singleElement().asString().contains("correlationId: type");
        assertThat(SchemaCompatibility.breaks(before, required)).singleElement().asString().contains("somethingNew is required now");
        assertThat(SchemaCompatibility.breaks(before, bumped)).isEmpty();
    }
}
