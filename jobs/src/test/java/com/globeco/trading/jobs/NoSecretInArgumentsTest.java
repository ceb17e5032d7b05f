package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No argument or command, Flink setting or literal variable names or holds a secret: arguments show in {@code ps} and
 * the Flink web UI, settings in the web UI. Secrets come from Secrets only, as variables or mounted files. A value
 * "holds" a secret when it contains a password of the example Secrets (the placeholder, in a real copy the real one).
 */
@Tag(KubernetesManifests.TAG)
class NoSecretInArgumentsTest {
    private static final Pattern SECRET_WORDS = Pattern.compile("(?i)pass(word|wd)|jaas|credential|secret[-_.]?key|access[-_.]?key|token|private[-_.]?key");

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#renderings")
    void noSecretIsAnArgumentSettingOrLiteral(Manifests manifests) {
        assertThat(errors(manifests)).isEmpty();
    }

    @Test
    void brokenCopiesAreRejected() {
        Manifests secured = KubernetesManifests.secured();
        ObjectNode hotpath = secured.find("FlinkDeployment", "trade-hotpath").orElseThrow();
        assertThat(errors(secured.with(BrokenCopy.of(hotpath, d -> d.withArray("/spec/job/args").add("--postgres.password=" + SecretExamplesTest.PLACEHOLDER)))))
                .isNotEmpty();
        assertThat(errors(secured.with(BrokenCopy.of(hotpath, d -> BrokenCopy.flinkConfiguration(d).put("s3.secret-key", "x"))))).isNotEmpty();
        assertThat(errors(secured.with(BrokenCopy.of(hotpath, d -> BrokenCopy.commonMainContainer(d).withArray("env").addObject()
                .put("name", "POSTGRES_PASSWORD").put("value", "x"))))).isNotEmpty();
    }

    private static List<String> errors(Manifests manifests) {
        Set<String> secrets = secretValues(manifests);
        List<String> errors = new ArrayList<>();
        for (ObjectNode document : manifests.documents()) {
            String label = Manifests.label(document);
            collect(document, label, secrets, errors);
            if (document.path("kind").asText().equals("FlinkDeployment")) {
                document.path("spec").path("flinkConfiguration").properties().stream()
                        .filter(setting -> holdsASecret(setting.getKey(), secrets) || holdsASecret(setting.getValue().asText(), secrets))
                        .forEach(setting -> errors.add(label + " flinkConfiguration." + setting.getKey() + ": names or holds a secret, shown in the Flink web UI"));
            }
        }
        return errors;
    }

    private static void collect(JsonNode node, String at, Set<String> secrets, List<String> errors) {
        if (node.isArray()) {
            node.forEach(item -> collect(item, at, secrets, errors));
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if ((field.getKey().equals("args") || field.getKey().equals("command")) && field.getValue().isArray()) {
                field.getValue().forEach(item -> {
                    if (holdsASecret(item.asText(), secrets)) {
                        errors.add(at + " " + field.getKey() + ": " + item.asText() + " names or holds a secret; arguments show in ps and the Flink web UI");
                    }
                });
            }
            if (field.getKey().equals("env") && field.getValue().isArray()) {
                field.getValue().forEach(variable -> {
                    if (variable.has("value") && (holdsASecret(variable.path("name").asText(), secrets) || holdsASecret(variable.path("value").asText(), secrets))) {
                        errors.add(at + " env " + variable.path("name").asText() + ": a literal value; a secret comes from a Secret");
                    }
                });
            }
            collect(field.getValue(), at, secrets, errors);
        }
    }

    private static boolean holdsASecret(String text, Set<String> secrets) {
        return SECRET_WORDS.matcher(text).find() || secrets.stream().anyMatch(text::contains);
    }

    /** The placeholder, and the values the example Secrets give a key named like a secret (not a ${...} reference). */
    private static Set<String> secretValues(Manifests manifests) {
        Set<String> values = new HashSet<>(Set.of(SecretExamplesTest.PLACEHOLDER));
        for (ObjectNode secret : manifests.ofKind("Secret")) {
            secret.path("stringData").properties().forEach(entry -> {
                Properties entries = new Properties();
                if (entry.getKey().endsWith(".properties")) {
                    try {
                        entries.load(new StringReader(entry.getValue().asText()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                } else {
                    entries.setProperty(entry.getKey(), entry.getValue().asText());
                }
                entries.stringPropertyNames().stream().filter(name -> SECRET_WORDS.matcher(name).find())
                        .map(entries::getProperty).filter(value -> !value.isEmpty() && !value.startsWith("${")).forEach(values::add);
            });
        }
        return values;
    }
}
