package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example Secrets ({@code secret.example.yaml}, {@code secured/secrets.example.yaml}) hold no secret: Secrets in
 * the manifests' namespace, {@code stringData} only, a certificate or password only as the placeholder CHANGE-ME (or a
 * {@code ${...}} reference). The secured overlay's example holds exactly the Secrets the overlay adds.
 */
@Tag(KubernetesManifests.TAG)
class SecretExamplesTest {
    static final String PLACEHOLDER = "CHANGE-ME";
    private static final Pattern PASSWORD = Pattern.compile("(?i)password\\s*[=:]\\s*\"?([^\";\\s]*)");

    @Test
    void theExamplesHoldPlaceholdersOnly() {
        assertThat(errors(KubernetesManifests.BASE_SECRETS, KubernetesManifests.documents(KubernetesManifests.BASE_SECRETS))).isEmpty();
        assertThat(errors(KubernetesManifests.SECURED_SECRETS, KubernetesManifests.documents(KubernetesManifests.SECURED_SECRETS))).isEmpty();
    }

    @Test
    void theSecuredExampleHoldsTheSecretsTheOverlayAdds() {
        assertThat(overlayErrors(KubernetesManifests.documents(KubernetesManifests.SECURED_SECRETS))).isEmpty();
    }

    @Test
    void brokenCopiesAreRejected() {
        List<ObjectNode> secured = KubernetesManifests.documents(KubernetesManifests.SECURED_SECRETS);
        assertRejected(secured, 0, secret -> secret.withObject("/stringData").put("ca.crt", "-----BEGIN CERTIFICATE-----\nMIIB\n"));
        assertRejected(secured, 1, secret -> secret.withObject("/stringData").put("password.properties", "password=s3cr3t"));
        assertRejected(secured, 1, secret -> secret.putObject("data").put("password.properties", "cGFzc3dvcmQ9eA=="));
        assertRejected(secured, 1, secret -> secret.withObject("/metadata").put("namespace", "elsewhere"));
        List<ObjectNode> base = KubernetesManifests.documents(KubernetesManifests.BASE_SECRETS);
        assertRejected(base, 0, secret -> secret.withObject("/stringData").put("password", "postgres"));

        assertThat(overlayErrors(secured.stream().filter(secret -> !Manifests.nameOf(secret).equals("trade-lifecycle-postgres-ca")).toList()))
                .as("a mounted Secret missing from the example").isNotEmpty();
        List<ObjectNode> withAnUnusedOne = new ArrayList<>(secured);
        withAnUnusedOne.add(BrokenCopy.of(secured.get(0), secret -> secret.withObject("/metadata").put("name", "unused")));
        assertThat(overlayErrors(withAnUnusedOne)).isNotEmpty();
    }

    /** The Secrets the overlay uses beyond the base's against those of its example. */
    private static List<String> overlayErrors(List<ObjectNode> examples) {
        Set<String> base = secretsUsed(KubernetesManifests.deployed());
        Set<String> added = new HashSet<>(secretsUsed(KubernetesManifests.secured()));
        added.removeAll(base);
        List<String> names = examples.stream().map(Manifests::nameOf).toList();
        List<String> errors = new ArrayList<>();
        added.stream().filter(name -> !names.contains(name)).forEach(name -> errors.add("Secret " + name + " is not in secured/secrets.example.yaml"));
        names.stream().filter(name -> !added.contains(name)).forEach(name -> errors.add("secured/secrets.example.yaml: Secret " + name + " is used by no overlay"));
        return errors;
    }

    private static void assertRejected(List<ObjectNode> valid, int index, Consumer<ObjectNode> breakIt) {
        List<ObjectNode> broken = new ArrayList<>(valid);
        broken.set(index, BrokenCopy.of(valid.get(index), breakIt));
        assertThat(errors(Path.of("example"), broken)).isNotEmpty();
    }

    private static List<String> errors(Path file, List<ObjectNode> secrets) {
        Set<String> namespaces = KubernetesManifests.deployed().documents().stream()
                .map(document -> document.path("metadata").path("namespace").asText()).collect(Collectors.toSet());
        List<String> errors = new ArrayList<>();
        for (ObjectNode secret : secrets) {
            String at = file.getFileName() + " " + Manifests.label(secret);
            if (!secret.path("kind").asText().equals("Secret") || secret.has("data") || !namespaces.contains(secret.path("metadata").path("namespace").asText())) {
                errors.add(at + ": expected a Secret in namespace " + namespaces + ", with stringData only");
            }
            secret.path("stringData").properties().forEach(entry -> valueErrors(entry.getKey(), entry.getValue().asText())
                    .forEach(error -> errors.add(at + ": " + error)));
        }
        return errors;
    }

    /** Why a value may be a real secret: a certificate or key other than the placeholder, or a password other than it or a ${...}. */
    private static List<String> valueErrors(String key, String value) {
        if (key.matches(".*\\.(crt|pem|key|p12|jks)") && !value.contains(PLACEHOLDER)) {
            return List.of(key + ": a certificate or key; the example holds the placeholder " + PLACEHOLDER + " only");
        }
        if (!key.contains(".") && !value.equals(PLACEHOLDER)) {
            return List.of(key + ": the example holds the placeholder " + PLACEHOLDER + " only");
        }
        List<String> errors = new ArrayList<>();
        Matcher password = PASSWORD.matcher(value);
        while (password.find()) {
            if (!password.group(1).isEmpty() && !password.group(1).equals(PLACEHOLDER) && !password.group(1).startsWith("${")) {
                errors.add(key + ": a password other than " + PLACEHOLDER + " or a ${...} reference");
            }
        }
        return errors;
    }

    private static Set<String> secretsUsed(Manifests manifests) {
        return manifests.documents().stream().flatMap(document -> Reference.of(document).stream())
                .filter(reference -> reference.kind().equals("Secret")).map(Reference::name).collect(Collectors.toSet());
    }
}
