package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.globeco.trading.messages.KafkaClientConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the secured overlay, every FlinkDeployment that gets KAFKA_BOOTSTRAP_SERVERS gets, in the JobManager and the
 * TaskManagers, KAFKA_CLIENT_CONFIG naming a file of a Secret mounted read-only, whose settings (as the job reads them,
 * {@link KafkaClientConfig}, the KAFKA_CLIENT_* variables over the file) are SASL_SSL with SCRAM-SHA-512, the brokers'
 * host names checked, the password a {@code ${file:...}} of a mounted Secret and the truststore a mounted Secret's file.
 */
@Tag(KubernetesManifests.TAG)
class SecuredKafkaClientTest {
    private static final Map<String, String> SECURITY = Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
            "ssl.truststore.type", "PEM");
    private static final String SCRAM_LOGIN = "org.apache.kafka.common.security.scram.ScramLoginModule";
    private static final String FILE_PROVIDER = "org.apache.kafka.common.config.provider.FileConfigProvider";
    private static final Pattern PROVIDED = Pattern.compile("\\$\\{([^:}]*):([^}]*):([^:}]*)}");
    private static final Pattern LITERAL_PASSWORD = Pattern.compile("(?i)password\\s*=\\s*\"?([^\";\\s]*)");

    @TempDir
    Path files;

    @Test
    void everyKafkaClientIsSecured() {
        Manifests secured = KubernetesManifests.secured();
        assertThat(secured.ofKind("FlinkDeployment")).isNotEmpty();
        assertThat(errors(secured)).isEmpty();
    }

    @Test
    void brokenCopiesAreRejected() {
        Manifests secured = KubernetesManifests.secured();
        ObjectNode hotpath = secured.find("FlinkDeployment", "trade-hotpath").orElseThrow();

        BrokenCopy.assertRejected(hotpath, copy -> errors(secured.with(copy)), d -> BrokenCopy.commonMainContainer(d).withArray("env")
                .removeIf(variable -> variable.path("name").asText().equals("KAFKA_CLIENT_CONFIG")));
        BrokenCopy.assertRejected(hotpath, copy -> errors(secured.with(copy)), d -> BrokenCopy.commonMainContainer(d).withArray("volumeMounts")
                .removeIf(mount -> mount.path("name").asText().equals("kafka-login")));
        BrokenCopy.assertRejected(hotpath, copy -> errors(secured.with(copy)), d -> BrokenCopy.commonMainContainer(d).withArray("env").addObject()
                .put("name", "KAFKA_CLIENT_SECURITY_PROTOCOL").put("value", "PLAINTEXT"));
        BrokenCopy.assertRejected(hotpath, copy -> errors(secured.with(copy)), d -> BrokenCopy.commonMainContainer(d).withArray("env").addObject()
                .put("name", "KAFKA_CLIENT_SASL_JAAS_CONFIG").put("value", SCRAM_LOGIN + " required username=\"u\" password=\"secret\";"));
    }

    private List<String> errors(Manifests manifests) {
        List<String> errors = new ArrayList<>();
        for (ObjectNode deployment : manifests.ofKind("FlinkDeployment")) {
            if (Variable.of(FlinkPod.jobManager(deployment).mainContainer(), manifests).stream().noneMatch(v -> v.name().equals("KAFKA_BOOTSTRAP_SERVERS"))) {
                continue;
            }
            for (FlinkPod pod : FlinkPod.of(deployment)) {
                String where = Manifests.label(deployment) + " " + pod;
                List<Variable> given = Variable.of(pod.mainContainer(), manifests);
                List<String> config = given.stream().filter(v -> v.name().equals("KAFKA_CLIENT_CONFIG")).map(Variable::value).toList();
                if (config.size() != 1 || config.get(0) == null || !config.get(0).startsWith("/")) {
                    errors.add(where + ": KAFKA_CLIENT_CONFIG is " + config + "; expected once, the path of client.properties in a mounted Secret");
                    continue;
                }
                SecretFile file = SecretFile.at(pod.spec(), pod.mainContainer(), config.get(0), manifests);
                if (!file.found()) {
                    errors.add(where + ": KAFKA_CLIENT_CONFIG: " + file.problem());
                    continue;
                }
                settingsErrors(settings(file.content(), given), pod, manifests).forEach(error -> errors.add(where + ": " + config.get(0) + ": " + error));
            }
        }
        return errors;
    }

    /** The settings the job's Kafka clients get: the file's, with the KAFKA_CLIENT_* variables over them. */
    private Map<String, String> settings(String clientProperties, List<Variable> given) {
        Map<String, String> environment = new LinkedHashMap<>();
        given.stream().filter(v -> v.value() != null).forEach(v -> environment.put(v.name(), v.value()));
        try {
            Path file = Files.writeString(Files.createTempFile(files, "client", ".properties"), clientProperties);
            return KafkaClientConfig.load(file.toString(), environment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> settingsErrors(Map<String, String> settings, FlinkPod pod, Manifests manifests) {
        List<String> errors = new ArrayList<>();
        SECURITY.forEach((key, value) -> {
            if (!value.equals(settings.get(key))) {
                errors.add(key + " is " + settings.get(key) + ", not " + value);
            }
        });
        if ("".equals(settings.get("ssl.endpoint.identification.algorithm"))) {
            errors.add("ssl.endpoint.identification.algorithm is empty: the brokers' host names would not be checked");
        }
        String jaas = settings.getOrDefault("sasl.jaas.config", "");
        if (!jaas.contains(SCRAM_LOGIN) || !Pattern.compile("password\\s*=\\s*\"\\$\\{").matcher(jaas).find()) {
            errors.add("sasl.jaas.config: expected " + SCRAM_LOGIN + " required ... password=\"${file:...}\";");
        }
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            Matcher literal = LITERAL_PASSWORD.matcher(setting.getKey() + "=" + setting.getValue());
            while (literal.find()) {
                if (!literal.group(1).startsWith("${")) {
                    errors.add(setting.getKey() + ": a password written in the settings; write a ${file:<path>:<key>} of a mounted Secret");
                }
            }
            Matcher provided = PROVIDED.matcher(setting.getValue());
            while (provided.find()) {
                errors.addAll(providedErrors(setting.getKey(), provided, settings, pod, manifests));
            }
        }
        String truststore = settings.get("ssl.truststore.location");
        SecretFile trusted = truststore == null ? new SecretFile(null, "not set: the brokers' CA")
                : SecretFile.at(pod.spec(), pod.mainContainer(), truststore, manifests);
        if (!trusted.found()) {
            errors.add("ssl.truststore.location: " + trusted.problem());
        }
        return errors;
    }

    /** A {@code ${file:<path>:<key>}}: Kafka's FileConfigProvider reads a key of a mounted Secret's properties file. */
    private static List<String> providedErrors(String key, Matcher provided, Map<String, String> settings, FlinkPod pod, Manifests manifests)
            {
        if (!provided.group(1).equals("file") || !List.of(settings.getOrDefault("config.providers", "").split("\\s*,\\s*")).contains("file")
                || !FILE_PROVIDER.equals(settings.get("config.providers.file.class"))) {
            return List.of(key + ": ${" + provided.group(1) + ":...} needs config.providers=file and config.providers.file.class=" + FILE_PROVIDER);
        }
        SecretFile file = SecretFile.at(pod.spec(), pod.mainContainer(), provided.group(2), manifests);
        if (!file.found()) {
            return List.of(key + ": " + file.problem());
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(file.content()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.containsKey(provided.group(3)) ? List.of() : List.of(key + ": " + provided.group(2) + " has no key " + provided.group(3));
    }
}
