package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every FlinkDeployment that {@code k8s-operator/kustomization.yaml} deploys, and the patch it applies to all of them,
 * against the Flink Kubernetes Operator's CRD ({@code shared/reference/crds}), checked by a maintained JSON-schema
 * validator. As the API server prunes fields a schema does not list, an object schema with {@code properties} is
 * closed to other fields here, unless it says {@code x-kubernetes-preserve-unknown-fields}; so a misspelt field fails.
 */
@Tag(KubernetesManifests.TAG)
class FlinkDeploymentSchemaTest {
    private static final Path CRD = Path.of("..", "..", "shared", "reference", "crds", "flinkdeployments.flink.apache.org-v1.yml");

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#flinkDeployments")
    void everyFlinkDeploymentMatchesTheCrd(ObjectNode deployment) throws IOException {
        assertMatchesTheCrd(deployment);
    }

    @Test
    void theSharedPatchMatchesTheCrd() throws IOException {
        assertThat(KubernetesManifests.patches()).isNotEmpty();
        for (ObjectNode patch : KubernetesManifests.patches()) {
            assertMatchesTheCrd(patch);
        }
    }

    @Test
    void brokenCopiesAreRejected() throws IOException {
        JsonSchema schema = schema();
        JsonNode valid = KubernetesManifests.ofKind("FlinkDeployment").get(0);
        assertThat(schema.validate(valid)).isEmpty();

        assertRejected(schema, valid, doc -> spec(doc).putObject("jobManger").put("replicas", 1));
        assertRejected(schema, valid, doc -> job(doc).put("upgradeMod", "savepoint"));
        assertRejected(schema, valid, doc -> job(doc).put("upgradeMode", "savepoints"));
        assertRejected(schema, valid, doc -> spec(doc).put("flinkVersion", "v2_9"));
        assertRejected(schema, valid, doc -> job(doc).put("parallelism", "2"));
        assertRejected(schema, valid, doc -> job(doc).putArray("args").add("--execution-service.max-concurrent-calls").add(10));
        assertRejected(schema, valid, doc -> ((ObjectNode) spec(doc).path("taskManager").path("resource")).put("cpu", "1"));
        assertRejected(schema, valid, doc -> spec(doc).putNull("image"));
        assertRejected(schema, valid, doc -> ((ObjectNode) spec(doc).path("podTemplate").path("spec")).putArray("containers")
                .addObject().put("name", "flink-main-container").putArray("envFrom").addObject().putObject("configMapRefs").put("name", "x"));
        assertRejected(schema, valid, doc -> ((ObjectNode) spec(doc).path("podTemplate").path("spec")).putArray("containers")
                .addObject().put("name", "flink-main-container").putObject("livenessProbe").putObject("httpGet").putArray("port").add(8081));
    }

    private static void assertMatchesTheCrd(ObjectNode deployment) throws IOException {
        assertThat(deployment.path("apiVersion").asText()).as("a version the CRD serves").isIn(servedApiVersions());
        assertThat(deployment.path("metadata").path("name").asText()).isNotBlank();
        assertThat(schema().validate(deployment)).isEmpty();
    }

    private static void assertRejected(JsonSchema schema, JsonNode valid, Consumer<ObjectNode> breakIt) {
        ObjectNode broken = valid.deepCopy();
        breakIt.accept(broken);
        Set<ValidationMessage> messages = schema.validate(broken);
        assertThat(messages).as("a broken copy: %s", broken.path("spec")).isNotEmpty();
    }

    private static ObjectNode spec(ObjectNode doc) {
        return (ObjectNode) doc.path("spec");
    }

    private static ObjectNode job(ObjectNode doc) {
        return (ObjectNode) doc.path("spec").path("job");
    }

    private static List<String> servedApiVersions() throws IOException {
        JsonNode crd = KubernetesManifests.YAML.readTree(CRD.toFile());
        List<String> served = new ArrayList<>();
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (version.path("served").asBoolean(true)) {
                served.add(crd.path("spec").path("group").asText() + "/" + version.path("name").asText());
            }
        }
        return served;
    }

    private static JsonSchema schema() throws IOException {
        JsonNode crd = KubernetesManifests.YAML.readTree(CRD.toFile());
        JsonNode openApi = null;
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (version.path("storage").asBoolean(false) || openApi == null) {
                openApi = version.path("schema").path("openAPIV3Schema");
            }
        }
        ObjectNode root = openApi.deepCopy();
        root.forEach(FlinkDeploymentSchemaTest::closed);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(root);
    }

    /**
     * The schema with every object that lists its properties closed to others, as the API server's pruning
     * would have it; the root stays open for {@code apiVersion}, {@code kind} and {@code metadata}, which
     * Kubernetes validates itself.
     */
    private static JsonNode closed(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            object.forEach(FlinkDeploymentSchemaTest::closed);
        } else if (schema != null && schema.isArray()) {
            schema.forEach(FlinkDeploymentSchemaTest::closed);
        }
        return schema;
    }
}
