package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the secured overlay, every POSTGRES_URL in the ConfigMaps, and every POSTGRES_URL and {@code <PREFIX>POSTGRES_URL}
 * (the read service's ALLOCATION_POSTGRES_URL) as every container gets it, has
 * {@code sslmode=verify-full} (encrypted, the server's certificate and host name checked) and an {@code sslrootcert}
 * that is a file of a Secret mounted read-only into that container.
 */
@Tag(KubernetesManifests.TAG)
class SecuredPostgresTest {

    @Test
    void everyPostgresUrlVerifiesTheServer() {
        assertThat(errors(KubernetesManifests.secured())).isEmpty();
    }

    @Test
    void brokenCopiesAreRejected() {
        Manifests secured = KubernetesManifests.secured();
        ObjectNode endpoints = secured.find("ConfigMap", "trade-lifecycle-endpoints").orElseThrow();
        BrokenCopy.assertRejected(endpoints, copy -> errors(secured.with(copy)), map -> map.withObject("/data")
                .put("POSTGRES_URL", map.path("data").path("POSTGRES_URL").asText().replace("verify-full", "require")));

        ObjectNode migration = secured.find("Job", "trade-lifecycle-migrate").orElseThrow();
        BrokenCopy.assertRejected(migration, copy -> errors(secured.with(copy)), job -> job.withArray("/spec/template/spec/containers").forEach(container ->
                ((ObjectNode) container).withArray("volumeMounts").removeIf(mount -> mount.path("name").asText().equals("postgres-ca"))));
        ObjectNode allocation = secured.find("FlinkDeployment", "allocation").orElseThrow();
        BrokenCopy.assertRejected(allocation, copy -> errors(secured.with(copy)), d -> BrokenCopy.commonMainContainer(d).withArray("env").addObject()
                .put("name", "POSTGRES_URL").put("value", "jdbc:postgresql://db:5432/postgres"));
        ObjectNode reader = secured.find("Deployment", "read-service").orElseThrow();
        BrokenCopy.assertRejected(reader, copy -> errors(secured.with(copy)), d -> d.withArray("/spec/template/spec/containers").forEach(container ->
                ((ObjectNode) container).withArray("volumeMounts").removeIf(mount -> mount.path("name").asText().equals("postgres-ca"))));
        BrokenCopy.assertRejected(reader, copy -> errors(secured.with(copy)), d -> d.withArray("/spec/template/spec/containers").forEach(container ->
                ((ObjectNode) container).withArray("env").addObject()
                        .put("name", "ALLOCATION_POSTGRES_URL").put("value", "jdbc:postgresql://db:5432/postgres")));
    }

    private static List<String> errors(Manifests manifests) {
        List<String> errors = new ArrayList<>();
        for (ObjectNode configMap : manifests.ofKind("ConfigMap")) {
            JsonNode url = configMap.path("data").path("POSTGRES_URL");
            if (!url.isMissingNode()) {
                urlErrors(url.asText()).forEach(error -> errors.add(Manifests.label(configMap) + " POSTGRES_URL: " + error));
            }
        }
        for (ObjectNode document : manifests.documents()) {
            for (ManifestPod pod : ManifestPod.of(document)) {
                for (JsonNode container : pod.containers()) {
                    Variable.of(container, manifests).stream().filter(variable -> variable.name().endsWith("POSTGRES_URL"))
                            .forEach(url -> errors.addAll(containerErrors(pod, container, url, manifests)));
                }
            }
        }
        return errors;
    }

    private static List<String> containerErrors(ManifestPod pod, JsonNode container, Variable url, Manifests manifests) {
        String at = pod.where() + " " + container.path("name").asText() + ": " + url.name() + " (" + url.source() + ")";
        if (url.value() == null) {
            return List.of(at + ": from a Secret, which this test cannot read; give it from a ConfigMap");
        }
        List<String> errors = new ArrayList<>();
        urlErrors(url.value()).forEach(error -> errors.add(at + ": " + error));
        String rootCert = query(url.value()).get("sslrootcert");
        if (rootCert != null) {
            SecretFile ca = SecretFile.at(pod.spec(), container, rootCert, manifests);
            if (!ca.found()) {
                errors.add(at + ": sslrootcert: " + ca.problem());
            }
        }
        return errors;
    }

    private static List<String> urlErrors(String url) {
        Map<String, String> query = query(url);
        List<String> errors = new ArrayList<>();
        if (!"verify-full".equals(query.get("sslmode"))) {
            errors.add("sslmode is " + query.get("sslmode") + ", not verify-full (encrypted, the server's certificate and host name checked)");
        }
        if (query.get("sslrootcert") == null) {
            errors.add("no sslrootcert (the CA file)");
        }
        return errors;
    }

    /** The parameters of a JDBC URL's query; the last of a repeated one wins, as pgjdbc reads them. */
    private static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int start = url.indexOf('?');
        if (start >= 0) {
            for (String parameter : url.substring(start + 1).split("&")) {
                String[] pair = parameter.split("=", 2);
                parameters.put(URLDecoder.decode(pair[0], StandardCharsets.UTF_8), pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "");
            }
        }
        return parameters;
    }
}
