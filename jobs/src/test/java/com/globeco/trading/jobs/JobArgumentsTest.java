package com.globeco.trading.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.globeco.trading.messages.KafkaClientConfig;
import com.globeco.trading.operators.tracing.Tracing;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Job arguments: a typo is an error at start, and every FlinkDeployment that {@code k8s-operator/kustomization.yaml}
 * deploys gives its job only arguments it knows and, from ConfigMaps and Secrets, only variables it reads.
 */
@Tag(KubernetesManifests.TAG)
class JobArgumentsTest {
    private static final Map<String, Function<JobArguments, ?>> JOBS = Map.of(
            FillConfirmationJob.class.getName(), FillConfirmationOptions::read,
            AllocationJob.class.getName(), AllocationOptions::read,
            TradeHotpathJob.class.getName(), TradeHotpathOptions::read,
            BackdatedColdpathJob.class.getName(), BackdatedColdpathOptions::read,
            PositionReconciliationJob.class.getName(), PositionReconciliationOptions::read,
            RegulatoryReportingJob.class.getName(), RegulatoryReportingOptions::read);

    @Test
    void anUnknownArgumentFailsWithTheNamesTheJobKnows() {
        assertThatThrownBy(() -> TradeHotpathOptions.from("--hotpath.dedup-windw", "P7D"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown arguments [hotpath.dedup-windw]")
                .hasMessageContaining("hotpath.dedup-window");
        assertThatThrownBy(() -> FillConfirmationOptions.from("--execution-service.max-calls", "5"))
                .hasMessageContaining("execution-service.max-concurrent-calls");
    }

    @Test
    void aYesOrNoSettingIsTrueOrFalseAndNothingElse() {
        assertThat(TradeHotpathOptions.from("--contract-service.enabled", "false").generateContracts()).isFalse();
        assertThat(TradeHotpathOptions.from().generateContracts()).isTrue();
        assertThatThrownBy(() -> TradeHotpathOptions.from("--contract-service.enabled", "flase"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contract-service.enabled is true or false, not 'flase'");
    }

    @Test
    void theVariablesAreTheOptionsReadInUpperSnakeCase() {
        JobArguments arguments = JobArguments.of();
        arguments.read(TradeHotpathOptions::read);

        assertThat(arguments.variables())
                .contains("KAFKA_BOOTSTRAP_SERVERS", "POSTGRES_PASSWORD", "HOTPATH_DEDUP_WINDOW", "CONTRACT_SERVICE_URL")
                .doesNotContain("EXECUTION_SERVICE_URL");
    }

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#flinkDeployments")
    void everyDeploymentPassesItsJobOnlyArgumentsItKnows(ObjectNode deployment) {
        readBy(deployment);
    }

    @ParameterizedTest
    @MethodSource("com.globeco.trading.jobs.KubernetesManifests#flinkDeployments")
    void everyDeploymentGivesItsJobOnlyVariablesItReads(ObjectNode deployment) {
        assertThat(unreadVariables(deployment)).isEmpty();
    }

    @Test
    void aVariableTheJobDoesNotReadIsFound() {
        ObjectNode hotpath = KubernetesManifests.ofKind("FlinkDeployment").stream()
                .filter(deployment -> TradeHotpathJob.class.getName().equals(deployment.path("spec").path("job").path("entryClass").asText()))
                .findFirst().orElseThrow().deepCopy();
        ObjectNode container = (ObjectNode) hotpath.path("spec").path("podTemplate").path("spec").path("containers").path(0);
        container.withArray("envFrom").addObject().putObject("configMapRef").put("name", "trade-lifecycle-endpoints");
        container.withArray("env").addObject().put("name", "CONTRACT_SERVICE_URI").putObject("valueFrom");

        assertThat(unreadVariables(hotpath)).containsExactly("CONTRACT_SERVICE_URI", "EXECUTION_SERVICE_URL");
    }

    private static JobArguments readBy(ObjectNode deployment) {
        JsonNode job = deployment.path("spec").path("job");
        List<String> args = new ArrayList<>();
        job.path("args").forEach(arg -> args.add(arg.asText()));
        JobArguments arguments = JobArguments.of(args.toArray(String[]::new));

        String entryClass = job.path("entryClass").asText();
        assertThat(JOBS).as("JOBS: the *Options that read the arguments of %s", entryClass).containsKey(entryClass);
        arguments.read(JOBS.get(entryClass));
        return arguments;
    }

    private static Set<String> unreadVariables(ObjectNode deployment) {
        Set<String> unread = variablesFromConfiguration(deployment);
        unread.removeAll(readBy(deployment).variables());
        unread.removeIf(variable -> Tracing.reads(variable) || KafkaClientConfig.reads(variable));
        return unread;
    }

    /**
     * What the deployment's containers take from ConfigMaps and Secrets: {@code env} with {@code valueFrom} and the keys
     * of {@code envFrom} ConfigMaps. A plain {@code value} may be for the image rather than the job
     * ({@code ENABLE_BUILT_IN_PLUGINS}).
     */
    private static Set<String> variablesFromConfiguration(ObjectNode deployment) {
        Map<String, JsonNode> configMaps = KubernetesManifests.ofKind("ConfigMap").stream()
                .collect(Collectors.toMap(configMap -> configMap.path("metadata").path("name").asText(), configMap -> configMap.path("data")));
        JsonNode spec = deployment.path("spec");
        Set<String> variables = new TreeSet<>();
        for (JsonNode template : List.of(spec.path("podTemplate"), spec.path("jobManager").path("podTemplate"), spec.path("taskManager").path("podTemplate"))) {
            for (JsonNode container : template.path("spec").path("containers")) {
                container.path("env").forEach(variable -> {
                    if (variable.has("valueFrom")) {
                        variables.add(variable.path("name").asText());
                    }
                });
                for (JsonNode source : container.path("envFrom")) {
                    String prefix = source.path("prefix").asText("");
                    configMaps.getOrDefault(source.path("configMapRef").path("name").asText(), MissingNode.getInstance())
                            .fieldNames().forEachRemaining(key -> variables.add(prefix + key));
                }
            }
        }
        return variables;
    }
}
